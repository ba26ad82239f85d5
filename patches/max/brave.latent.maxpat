{
	"patcher": {
		"fileversion": 1,
		"appversion": {
			"major": 8,
			"minor": 5,
			"revision": 5,
			"architecture": "x64",
			"modernui": 1
		},
		"classnamespace": "box",
		"rect": [
			80.0,
			80.0,
			1300.0,
			860.0
		],
		"bglocked": 0,
		"openinpresentation": 1,
		"default_fontsize": 12.0,
		"default_fontface": 0,
		"default_fontname": "Arial",
		"gridonopen": 1,
		"gridsize": [
			15.0,
			15.0
		],
		"gridsnaponopen": 1,
		"objectsnaponopen": 1,
		"statusbarvisible": 2,
		"toolbarvisible": 1,
		"boxanimatetime": 200,
		"enablehscroll": 1,
		"enablevscroll": 1,
		"devicewidth": 0.0,
		"description": "brave.ts: encode -> per-dimension scale and offset (mcs.nn~) -> decode",
		"digest": "",
		"tags": "",
		"style": "",
		"subpatcher_template": "",
		"assistshowspatchername": 0,
		"boxes": [
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						20.0,
						10.0,
						900.0,
						20.0
					],
					"text": "brave.latent.maxpat: [mcs.nn~ brave.ts encode 1 0] -> 8 latent dimensions on one multichannel cord -> scale, offset -> [mcs.nn~ brave.ts decode 1 0].",
					"id": "obj-1",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						5.0,
						760.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						20.0,
						30.0,
						900.0,
						40.0
					],
					"text": "Per dimension: scale (1 = unchanged) and offset (0 = unchanged); set scale 0 and move the offset to drive a dimension by hand. mc.*~ / mc.+~ take `setvalue CHANNEL VALUE`.",
					"linecount": 2,
					"id": "obj-2",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						25.0,
						760.0,
						40.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						20.0,
						70.0,
						360.0,
						20.0
					],
					"text": "source: 1 = built-in plucks and hits, 2 = live input (adc~ 1)",
					"id": "obj-3",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						105.0,
						360.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						92.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "1",
					"id": "obj-4",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						127.0,
						40.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						60.0,
						92.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "2",
					"id": "obj-5",
					"presentation": 1,
					"presentation_rect": [
						50.0,
						127.0,
						40.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						220.0,
						92.0,
						120.0,
						20.0
					],
					"text": "test sound on/off",
					"id": "obj-6",
					"presentation": 1,
					"presentation_rect": [
						120.0,
						127.0,
						120.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "toggle",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						340.0,
						92.0,
						24.0,
						24.0
					],
					"outlettype": [
						"int"
					],
					"parameter_enable": 0,
					"id": "obj-7",
					"presentation": 1,
					"presentation_rect": [
						240.0,
						127.0,
						24.0,
						24.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						380.0,
						92.0,
						84.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-8"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "metro 250",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						130.0,
						77.0,
						22.0
					],
					"outlettype": [
						"bang"
					],
					"id": "obj-9"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b b b",
					"numinlets": 1,
					"numoutlets": 3,
					"patching_rect": [
						220.0,
						162.0,
						63.0,
						22.0
					],
					"outlettype": [
						"bang",
						"bang",
						"bang"
					],
					"id": "obj-10"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "random 24",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						194.0,
						77.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-11"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+ 48",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						224.0,
						42.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-12"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mtof",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						254.0,
						42.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-13"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "cycle~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						284.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-14"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "line~",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						350.0,
						254.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal",
						"bang"
					],
					"id": "obj-15"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						350.0,
						194.0,
						70.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "1, 0 180",
					"id": "obj-16"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						350.0,
						284.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-17"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						316.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-18"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "line~",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						490.0,
						254.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal",
						"bang"
					],
					"id": "obj-19"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "random 4",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						490.0,
						162.0,
						70.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-20"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "sel 0",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						490.0,
						194.0,
						49.0,
						22.0
					],
					"outlettype": [
						"bang",
						""
					],
					"id": "obj-21"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						490.0,
						224.0,
						77.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "0.8, 0 60",
					"id": "obj-22"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "noise~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						580.0,
						254.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-23"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						490.0,
						316.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-24"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						350.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-25"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						380.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-26"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "adc~ 1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						110.0,
						350.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-27"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "selector~ 2 1",
					"numinlets": 3,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						420.0,
						105.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-28"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						110.0,
						440.0,
						30.0,
						20.0
					],
					"text": "in",
					"id": "obj-29",
					"presentation": 1,
					"presentation_rect": [
						300.0,
						155.0,
						30.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "meter~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						440.0,
						80.0,
						13.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-30",
					"presentation": 1,
					"presentation_rect": [
						300.0,
						177.0,
						80.0,
						13.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mcs.nn~ brave.ts encode 1 0",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						470.0,
						260.0,
						22.0
					],
					"outlettype": [
						"multichannelsignal"
					],
					"id": "obj-31"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mc.*~ 1.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						720.0,
						80.0,
						22.0
					],
					"outlettype": [
						"multichannelsignal"
					],
					"id": "obj-32"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mc.+~ 0.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						750.0,
						80.0,
						22.0
					],
					"outlettype": [
						"multichannelsignal"
					],
					"id": "obj-33"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mcs.nn~ brave.ts decode 1 0",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						780.0,
						260.0,
						22.0
					],
					"outlettype": [
						"multichannelsignal"
					],
					"id": "obj-34"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						300.0,
						500.0,
						50.0,
						20.0
					],
					"text": "scale",
					"id": "obj-35",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						365.0,
						50.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						300.0,
						620.0,
						50.0,
						20.0
					],
					"text": "offset",
					"id": "obj-36",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						387.0,
						50.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						360.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z0",
					"id": "obj-37",
					"presentation": 1,
					"presentation_rect": [
						60.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						360.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-38",
					"presentation": 1,
					"presentation_rect": [
						60.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						360.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-39",
					"presentation": 1,
					"presentation_rect": [
						60.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						360.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-40"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						360.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 1 $1",
					"id": "obj-41"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						360.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 1 $1",
					"id": "obj-42"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						424.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z1",
					"id": "obj-43",
					"presentation": 1,
					"presentation_rect": [
						112.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						424.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-44",
					"presentation": 1,
					"presentation_rect": [
						112.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						424.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-45",
					"presentation": 1,
					"presentation_rect": [
						112.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						424.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-46"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						424.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 2 $1",
					"id": "obj-47"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						424.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 2 $1",
					"id": "obj-48"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						488.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z2",
					"id": "obj-49",
					"presentation": 1,
					"presentation_rect": [
						164.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						488.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-50",
					"presentation": 1,
					"presentation_rect": [
						164.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						488.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-51",
					"presentation": 1,
					"presentation_rect": [
						164.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						488.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-52"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						488.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 3 $1",
					"id": "obj-53"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						488.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 3 $1",
					"id": "obj-54"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						552.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z3",
					"id": "obj-55",
					"presentation": 1,
					"presentation_rect": [
						216.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						552.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-56",
					"presentation": 1,
					"presentation_rect": [
						216.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						552.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-57",
					"presentation": 1,
					"presentation_rect": [
						216.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						552.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-58"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						552.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 4 $1",
					"id": "obj-59"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						552.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 4 $1",
					"id": "obj-60"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						616.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z4",
					"id": "obj-61",
					"presentation": 1,
					"presentation_rect": [
						268.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						616.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-62",
					"presentation": 1,
					"presentation_rect": [
						268.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						616.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-63",
					"presentation": 1,
					"presentation_rect": [
						268.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						616.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-64"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						616.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 5 $1",
					"id": "obj-65"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						616.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 5 $1",
					"id": "obj-66"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						680.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z5",
					"id": "obj-67",
					"presentation": 1,
					"presentation_rect": [
						320.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						680.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-68",
					"presentation": 1,
					"presentation_rect": [
						320.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						680.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-69",
					"presentation": 1,
					"presentation_rect": [
						320.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						680.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-70"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						680.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 6 $1",
					"id": "obj-71"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						680.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 6 $1",
					"id": "obj-72"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						744.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z6",
					"id": "obj-73",
					"presentation": 1,
					"presentation_rect": [
						372.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						744.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-74",
					"presentation": 1,
					"presentation_rect": [
						372.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						744.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-75",
					"presentation": 1,
					"presentation_rect": [
						372.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						744.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-76"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						744.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 7 $1",
					"id": "obj-77"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						744.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 7 $1",
					"id": "obj-78"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						808.0,
						480.0,
						40.0,
						20.0
					],
					"text": "z7",
					"id": "obj-79",
					"presentation": 1,
					"presentation_rect": [
						424.0,
						345.0,
						40.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						808.0,
						500.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-80",
					"presentation": 1,
					"presentation_rect": [
						424.0,
						365.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						808.0,
						560.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-81",
					"presentation": 1,
					"presentation_rect": [
						424.0,
						387.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						808.0,
						470.0,
						60.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-82"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						808.0,
						530.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 8 $1",
					"id": "obj-83"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						808.0,
						590.0,
						62.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "setvalue 8 $1",
					"id": "obj-84"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						930.0,
						420.0,
						80.0,
						20.0
					],
					"text": "model on/off",
					"id": "obj-85",
					"presentation": 1,
					"presentation_rect": [
						40.0,
						75.0,
						80.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "toggle",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						900.0,
						420.0,
						24.0,
						24.0
					],
					"outlettype": [
						"int"
					],
					"parameter_enable": 0,
					"id": "obj-86",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						75.0,
						24.0,
						24.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						900.0,
						390.0,
						84.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-87"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						900.0,
						452.0,
						77.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "enable $1",
					"id": "obj-88"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						980.0,
						452.0,
						56.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "reload",
					"id": "obj-89",
					"presentation": 1,
					"presentation_rect": [
						130.0,
						75.0,
						56.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1070.0,
						452.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "load brave.ts",
					"id": "obj-90",
					"presentation": 1,
					"presentation_rect": [
						194.0,
						75.0,
						105.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1160.0,
						452.0,
						42.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "dump",
					"id": "obj-91",
					"presentation": 1,
					"presentation_rect": [
						307.0,
						75.0,
						42.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mc.unpack~ 1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						810.0,
						100.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-92"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 1.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						835.0,
						50.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-93"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						840.0,
						600.0,
						130.0,
						20.0
					],
					"text": "dry delay (samples)",
					"id": "obj-94",
					"presentation": 1,
					"presentation_rect": [
						400.0,
						105.0,
						130.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "number",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						840.0,
						620.0,
						70.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"minimum": 0,
					"maximum": 262143,
					"id": "obj-95",
					"presentation": 1,
					"presentation_rect": [
						400.0,
						127.0,
						70.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 0",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						840.0,
						590.0,
						84.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-96"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "delay~ 262144 0",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						940.0,
						650.0,
						130.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-97"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						1000.0,
						660.0,
						90.0,
						20.0
					],
					"text": "dry/wet 0..1",
					"id": "obj-98",
					"presentation": 1,
					"presentation_rect": [
						400.0,
						155.0,
						90.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						1000.0,
						680.0,
						50.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"minimum": 0.0,
					"maximum": 1.0,
					"id": "obj-99",
					"presentation": 1,
					"presentation_rect": [
						400.0,
						177.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess 1.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						1000.0,
						638.0,
						91.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-100"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t f f",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						1000.0,
						710.0,
						49.0,
						22.0
					],
					"outlettype": [
						"float",
						"float"
					],
					"id": "obj-101"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr 1. - $f1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						1070.0,
						740.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-102"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						1120.0,
						660.0,
						110.0,
						20.0
					],
					"text": "output gain (dB)",
					"id": "obj-103",
					"presentation": 1,
					"presentation_rect": [
						500.0,
						155.0,
						110.0,
						20.0
					]
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						1120.0,
						680.0,
						50.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"minimum": -70.0,
					"maximum": 12.0,
					"id": "obj-104",
					"presentation": 1,
					"presentation_rect": [
						500.0,
						177.0,
						50.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "loadmess -6.",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						1120.0,
						638.0,
						98.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-105"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "dbtoa",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						1120.0,
						710.0,
						49.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-106"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						940.0,
						770.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-107"
				}
			},
			{
				"box": {
					"maxclass": "ezdac~",
					"numinlets": 2,
					"numoutlets": 0,
					"patching_rect": [
						840.0,
						930.0,
						45.0,
						45.0
					],
					"id": "obj-108",
					"presentation": 1,
					"presentation_rect": [
						650.0,
						155.0,
						45.0,
						45.0
					]
				}
			},
			{
				"box": {
					"maxclass": "scope~",
					"numinlets": 2,
					"numoutlets": 0,
					"patching_rect": [
						1260.0,
						840.0,
						130.0,
						130.0
					],
					"id": "obj-109",
					"presentation": 1,
					"presentation_rect": [
						650.0,
						210.0,
						130.0,
						130.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						840.0,
						770.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-110"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						840.0,
						810.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-111"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						840.0,
						850.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-112"
				}
			},
			{
				"box": {
					"maxclass": "meter~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						1120.0,
						840.0,
						80.0,
						13.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-113",
					"presentation": 1,
					"presentation_rect": [
						500.0,
						210.0,
						80.0,
						13.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						890.0,
						770.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-114"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						890.0,
						810.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-115"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						890.0,
						850.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-116"
				}
			},
			{
				"box": {
					"maxclass": "meter~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						1120.0,
						858.0,
						80.0,
						13.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-117",
					"presentation": 1,
					"presentation_rect": [
						500.0,
						228.0,
						80.0,
						13.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						1120.0,
						880.0,
						80.0,
						20.0
					],
					"text": "out L / R",
					"id": "obj-118",
					"presentation": 1,
					"presentation_rect": [
						500.0,
						246.0,
						80.0,
						20.0
					]
				}
			}
		],
		"lines": [
			{
				"patchline": {
					"source": [
						"obj-8",
						0
					],
					"destination": [
						"obj-7",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-7",
						0
					],
					"destination": [
						"obj-9",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-9",
						0
					],
					"destination": [
						"obj-10",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-10",
						2
					],
					"destination": [
						"obj-11",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-11",
						0
					],
					"destination": [
						"obj-12",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-12",
						0
					],
					"destination": [
						"obj-13",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-13",
						0
					],
					"destination": [
						"obj-14",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-10",
						1
					],
					"destination": [
						"obj-16",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-16",
						0
					],
					"destination": [
						"obj-15",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-15",
						0
					],
					"destination": [
						"obj-17",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-15",
						0
					],
					"destination": [
						"obj-17",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-14",
						0
					],
					"destination": [
						"obj-18",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-17",
						0
					],
					"destination": [
						"obj-18",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-10",
						0
					],
					"destination": [
						"obj-20",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-20",
						0
					],
					"destination": [
						"obj-21",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-21",
						0
					],
					"destination": [
						"obj-22",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-22",
						0
					],
					"destination": [
						"obj-19",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-23",
						0
					],
					"destination": [
						"obj-24",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-19",
						0
					],
					"destination": [
						"obj-24",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-18",
						0
					],
					"destination": [
						"obj-25",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-24",
						0
					],
					"destination": [
						"obj-25",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-25",
						0
					],
					"destination": [
						"obj-26",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-4",
						0
					],
					"destination": [
						"obj-28",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-5",
						0
					],
					"destination": [
						"obj-28",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-26",
						0
					],
					"destination": [
						"obj-28",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-27",
						0
					],
					"destination": [
						"obj-28",
						2
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-28",
						0
					],
					"destination": [
						"obj-30",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-28",
						0
					],
					"destination": [
						"obj-31",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-31",
						0
					],
					"destination": [
						"obj-32",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-32",
						0
					],
					"destination": [
						"obj-33",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-33",
						0
					],
					"destination": [
						"obj-34",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-40",
						0
					],
					"destination": [
						"obj-38",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-38",
						0
					],
					"destination": [
						"obj-41",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-41",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-39",
						0
					],
					"destination": [
						"obj-42",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-42",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-46",
						0
					],
					"destination": [
						"obj-44",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-44",
						0
					],
					"destination": [
						"obj-47",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-47",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-45",
						0
					],
					"destination": [
						"obj-48",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-48",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-52",
						0
					],
					"destination": [
						"obj-50",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-50",
						0
					],
					"destination": [
						"obj-53",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-53",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-51",
						0
					],
					"destination": [
						"obj-54",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-54",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-58",
						0
					],
					"destination": [
						"obj-56",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-56",
						0
					],
					"destination": [
						"obj-59",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-59",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-57",
						0
					],
					"destination": [
						"obj-60",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-60",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-64",
						0
					],
					"destination": [
						"obj-62",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-62",
						0
					],
					"destination": [
						"obj-65",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-65",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-63",
						0
					],
					"destination": [
						"obj-66",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-66",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-70",
						0
					],
					"destination": [
						"obj-68",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-68",
						0
					],
					"destination": [
						"obj-71",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-71",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-69",
						0
					],
					"destination": [
						"obj-72",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-72",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-76",
						0
					],
					"destination": [
						"obj-74",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-74",
						0
					],
					"destination": [
						"obj-77",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-77",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-75",
						0
					],
					"destination": [
						"obj-78",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-78",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-82",
						0
					],
					"destination": [
						"obj-80",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-80",
						0
					],
					"destination": [
						"obj-83",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-83",
						0
					],
					"destination": [
						"obj-32",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-81",
						0
					],
					"destination": [
						"obj-84",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-84",
						0
					],
					"destination": [
						"obj-33",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-87",
						0
					],
					"destination": [
						"obj-86",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-86",
						0
					],
					"destination": [
						"obj-88",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-88",
						0
					],
					"destination": [
						"obj-31",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-88",
						0
					],
					"destination": [
						"obj-34",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-89",
						0
					],
					"destination": [
						"obj-31",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-89",
						0
					],
					"destination": [
						"obj-34",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-90",
						0
					],
					"destination": [
						"obj-31",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-90",
						0
					],
					"destination": [
						"obj-34",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-91",
						0
					],
					"destination": [
						"obj-31",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-91",
						0
					],
					"destination": [
						"obj-34",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-34",
						0
					],
					"destination": [
						"obj-92",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-92",
						0
					],
					"destination": [
						"obj-93",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-96",
						0
					],
					"destination": [
						"obj-95",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-28",
						0
					],
					"destination": [
						"obj-97",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-95",
						0
					],
					"destination": [
						"obj-97",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-100",
						0
					],
					"destination": [
						"obj-99",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-99",
						0
					],
					"destination": [
						"obj-101",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-105",
						0
					],
					"destination": [
						"obj-104",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-104",
						0
					],
					"destination": [
						"obj-106",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-97",
						0
					],
					"destination": [
						"obj-107",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-101",
						0
					],
					"destination": [
						"obj-102",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-102",
						0
					],
					"destination": [
						"obj-107",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-93",
						0
					],
					"destination": [
						"obj-110",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-101",
						1
					],
					"destination": [
						"obj-110",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-110",
						0
					],
					"destination": [
						"obj-111",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-107",
						0
					],
					"destination": [
						"obj-111",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-111",
						0
					],
					"destination": [
						"obj-112",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-106",
						0
					],
					"destination": [
						"obj-112",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-112",
						0
					],
					"destination": [
						"obj-108",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-112",
						0
					],
					"destination": [
						"obj-113",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-112",
						0
					],
					"destination": [
						"obj-109",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-93",
						0
					],
					"destination": [
						"obj-114",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-101",
						1
					],
					"destination": [
						"obj-114",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-114",
						0
					],
					"destination": [
						"obj-115",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-107",
						0
					],
					"destination": [
						"obj-115",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-115",
						0
					],
					"destination": [
						"obj-116",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-106",
						0
					],
					"destination": [
						"obj-116",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-116",
						0
					],
					"destination": [
						"obj-108",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-116",
						0
					],
					"destination": [
						"obj-117",
						0
					]
				}
			}
		]
	}
}
