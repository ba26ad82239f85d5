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
			1100.0,
			760.0
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
		"description": "brave.ts: forward with test sound, delayed dry, dry/wet and gain",
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
					"text": "brave.forward.maxpat: [nn~ brave.ts forward 0] on a test sound or live input.",
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
					"text": "Put brave.ts next to this patch (or in Max's search path), set Max to the model's sample rate, turn audio on. The dry path is delayed by 0 samples so dry and wet line up.",
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
					"text": "nn~ brave.ts forward 0",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						470.0,
						200.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-31"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						290.0,
						440.0,
						80.0,
						20.0
					],
					"text": "model on/off",
					"id": "obj-32",
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
						260.0,
						440.0,
						24.0,
						24.0
					],
					"outlettype": [
						"int"
					],
					"parameter_enable": 0,
					"id": "obj-33",
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
						260.0,
						410.0,
						84.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-34"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						260.0,
						472.0,
						77.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "enable $1",
					"id": "obj-35"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						340.0,
						472.0,
						56.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "reload",
					"id": "obj-36",
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
						430.0,
						472.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "load brave.ts",
					"id": "obj-37",
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
						520.0,
						472.0,
						42.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "dump",
					"id": "obj-38",
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
					"text": "*~ 1.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						505.0,
						50.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-39"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						260.0,
						540.0,
						130.0,
						20.0
					],
					"text": "dry delay (samples)",
					"id": "obj-40",
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
						260.0,
						560.0,
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
					"id": "obj-41",
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
						260.0,
						530.0,
						84.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-42"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "delay~ 262144 0",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						360.0,
						590.0,
						130.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-43"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						420.0,
						600.0,
						90.0,
						20.0
					],
					"text": "dry/wet 0..1",
					"id": "obj-44",
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
						420.0,
						620.0,
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
					"id": "obj-45",
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
						420.0,
						578.0,
						91.0,
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
					"maxclass": "newobj",
					"text": "t f f",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						420.0,
						650.0,
						49.0,
						22.0
					],
					"outlettype": [
						"float",
						"float"
					],
					"id": "obj-47"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr 1. - $f1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						490.0,
						680.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-48"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						540.0,
						600.0,
						110.0,
						20.0
					],
					"text": "output gain (dB)",
					"id": "obj-49",
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
						540.0,
						620.0,
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
					"id": "obj-50",
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
						540.0,
						578.0,
						98.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-51"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "dbtoa",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						540.0,
						650.0,
						49.0,
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
					"maxclass": "newobj",
					"text": "*~ 0.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						360.0,
						710.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-53"
				}
			},
			{
				"box": {
					"maxclass": "ezdac~",
					"numinlets": 2,
					"numoutlets": 0,
					"patching_rect": [
						260.0,
						870.0,
						45.0,
						45.0
					],
					"id": "obj-54",
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
						680.0,
						780.0,
						130.0,
						130.0
					],
					"id": "obj-55",
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
						260.0,
						710.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-56"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						260.0,
						750.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-57"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						260.0,
						790.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-58"
				}
			},
			{
				"box": {
					"maxclass": "meter~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						540.0,
						780.0,
						80.0,
						13.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-59",
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
						310.0,
						710.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-60"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						310.0,
						750.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-61"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						310.0,
						790.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-62"
				}
			},
			{
				"box": {
					"maxclass": "meter~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						540.0,
						798.0,
						80.0,
						13.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-63",
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
						540.0,
						820.0,
						80.0,
						20.0
					],
					"text": "out L / R",
					"id": "obj-64",
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
						"obj-34",
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
						"obj-35",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-35",
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
						"obj-36",
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
						"obj-37",
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
						"obj-38",
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
						"obj-39",
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
						"obj-41",
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
						"obj-43",
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
						"obj-43",
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
						"obj-45",
						0
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
						"obj-47",
						0
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
						"obj-52",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-43",
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
						"obj-47",
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
						"obj-53",
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
						"obj-56",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-47",
						1
					],
					"destination": [
						"obj-56",
						1
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
						"obj-57",
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
						"obj-57",
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
						"obj-58",
						0
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
						"obj-58",
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
						"obj-54",
						0
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
						"obj-59",
						0
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
						"obj-55",
						0
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
						"obj-60",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-47",
						1
					],
					"destination": [
						"obj-60",
						1
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
						"obj-61",
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
						"obj-61",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-61",
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
						"obj-52",
						0
					],
					"destination": [
						"obj-62",
						1
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
						"obj-54",
						1
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
						"obj-63",
						0
					]
				}
			}
		]
	}
}
