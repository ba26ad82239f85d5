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
			60.0,
			60.0,
			1300.0,
			900.0
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
		"description": "brave.ts: latency measurement of nn~ with test bursts",
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
					"text": "brave.latency.maxpat: test bursts through [nn~ brave.ts forward 0]; onsets in input and output found to the sample (brave.onset~).",
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
					"text": "Turn audio on, then run: 32 trials, one every 1500 ms. Each trial and the summary go to the Max window, the number boxes and latency-results.txt (in Max's default folder: give `write` a full path to choose).",
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
					"maxclass": "newobj",
					"text": "count~ 0 0 1",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						130.0,
						98.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-3"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "dspstate~",
					"numinlets": 1,
					"numoutlets": 4,
					"patching_rect": [
						140.0,
						70.0,
						77.0,
						22.0
					],
					"outlettype": [
						"int",
						"float",
						"int",
						"int"
					],
					"id": "obj-4"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "sel 1",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						140.0,
						100.0,
						49.0,
						22.0
					],
					"outlettype": [
						"bang",
						""
					],
					"id": "obj-5"
				}
			},
			{
				"box": {
					"maxclass": "ezdac~",
					"numinlets": 2,
					"numoutlets": 0,
					"patching_rect": [
						1100.0,
						60.0,
						45.0,
						45.0
					],
					"id": "obj-6",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						80.0,
						45.0,
						45.0
					]
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						330.0,
						60.0,
						40.0,
						20.0
					],
					"text": "run",
					"id": "obj-7",
					"presentation": 1,
					"presentation_rect": [
						90.0,
						80.0,
						40.0,
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
						300.0,
						80.0,
						24.0,
						24.0
					],
					"outlettype": [
						"int"
					],
					"parameter_enable": 0,
					"id": "obj-8",
					"presentation": 1,
					"presentation_rect": [
						60.0,
						80.0,
						24.0,
						24.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t i i",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						340.0,
						80.0,
						49.0,
						22.0
					],
					"outlettype": [
						"int",
						"int"
					],
					"id": "obj-9"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "metro 1500",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						120.0,
						84.0,
						22.0
					],
					"outlettype": [
						"bang"
					],
					"id": "obj-10"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "sel 1",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						380.0,
						120.0,
						49.0,
						22.0
					],
					"outlettype": [
						"bang",
						""
					],
					"id": "obj-11"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b b b",
					"numinlets": 1,
					"numoutlets": 3,
					"patching_rect": [
						300.0,
						155.0,
						63.0,
						22.0
					],
					"outlettype": [
						"bang",
						"bang",
						"bang"
					],
					"id": "obj-12"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "snapshot~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						450.0,
						190.0,
						77.0,
						22.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-13"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "line~",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						300.0,
						260.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal",
						"bang"
					],
					"id": "obj-14"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						225.0,
						70.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "1, 0 200",
					"id": "obj-15"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						295.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-16"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						20.0,
						190.0,
						200.0,
						20.0
					],
					"text": "burst: 1 = noise, 2 = sines",
					"id": "obj-17",
					"presentation": 1,
					"presentation_rect": [
						190.0,
						80.0,
						170.0,
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
						215.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "1",
					"id": "obj-18",
					"presentation": 1,
					"presentation_rect": [
						190.0,
						102.0,
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
						215.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "2",
					"id": "obj-19",
					"presentation": 1,
					"presentation_rect": [
						230.0,
						102.0,
						40.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "noise~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						255.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-20"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "cycle~ 100",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						100.0,
						255.0,
						58.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-21"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "cycle~ 400",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						160.0,
						255.0,
						58.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-22"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "cycle~ 1600",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						255.0,
						58.0,
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
					"text": "cycle~ 6400",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						280.0,
						255.0,
						58.0,
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
						100.0,
						290.0,
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
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						220.0,
						290.0,
						40.0,
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
					"text": "+~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						100.0,
						320.0,
						40.0,
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
					"text": "*~ 0.25",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						100.0,
						350.0,
						63.0,
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
					"maxclass": "newobj",
					"text": "selector~ 2 1",
					"numinlets": 3,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						390.0,
						105.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-29"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						425.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-30"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						460.0,
						56.0,
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
					"maxclass": "newobj",
					"text": "nn~ brave.ts forward 0",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						500.0,
						200.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-32"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						590.0,
						470.0,
						80.0,
						20.0
					],
					"text": "model on/off",
					"id": "obj-33",
					"presentation": 1,
					"presentation_rect": [
						410.0,
						80.0,
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
						560.0,
						470.0,
						24.0,
						24.0
					],
					"outlettype": [
						"int"
					],
					"parameter_enable": 0,
					"id": "obj-34",
					"presentation": 1,
					"presentation_rect": [
						380.0,
						80.0,
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
						560.0,
						440.0,
						84.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-35"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						560.0,
						502.0,
						77.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "enable $1",
					"id": "obj-36"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						640.0,
						502.0,
						56.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "reload",
					"id": "obj-37",
					"presentation": 1,
					"presentation_rect": [
						500.0,
						80.0,
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
						730.0,
						502.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "load brave.ts",
					"id": "obj-38",
					"presentation": 1,
					"presentation_rect": [
						564.0,
						80.0,
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
						820.0,
						502.0,
						42.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "dump",
					"id": "obj-39",
					"presentation": 1,
					"presentation_rect": [
						677.0,
						80.0,
						42.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "brave.onset~",
					"numinlets": 4,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						560.0,
						150.0,
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
					"maxclass": "newobj",
					"text": "brave.onset~",
					"numinlets": 4,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						560.0,
						150.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-41"
				}
			},
			{
				"box": {
					"maxclass": "scope~",
					"numinlets": 2,
					"numoutlets": 0,
					"patching_rect": [
						1100.0,
						480.0,
						130.0,
						130.0
					],
					"id": "obj-42",
					"presentation": 1,
					"presentation_rect": [
						330.0,
						130.0,
						200.0,
						100.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "delay 1000",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						560.0,
						190.0,
						84.0,
						22.0
					],
					"outlettype": [
						"bang"
					],
					"id": "obj-43"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b b b b",
					"numinlets": 1,
					"numoutlets": 4,
					"patching_rect": [
						560.0,
						225.0,
						77.0,
						22.0
					],
					"outlettype": [
						"bang",
						"bang",
						"bang",
						"bang"
					],
					"id": "obj-44"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "i",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						760.0,
						260.0,
						40.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-45"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "+ 1",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						760.0,
						290.0,
						40.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-46"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "i",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						840.0,
						330.0,
						40.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-47"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "i",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						980.0,
						330.0,
						40.0,
						22.0
					],
					"outlettype": [
						"int"
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
						820.0,
						290.0,
						80.0,
						20.0
					],
					"text": "trials done",
					"id": "obj-49",
					"presentation": 1,
					"presentation_rect": [
						100.0,
						110.0,
						80.0,
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
						900.0,
						290.0,
						50.0,
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
						60.0,
						110.0,
						36.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr ($f1 >= $f3) * ($f1 - $f2 + 1) - 1",
					"numinlets": 3,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						620.0,
						260.0,
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
					"text": "pack 0 0. 0. 0. 0.",
					"numinlets": 5,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						720.0,
						160.0,
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
					"text": "t f f",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						20.0,
						590.0,
						49.0,
						22.0
					],
					"outlettype": [
						"float",
						"float"
					],
					"id": "obj-53"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t f f",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						300.0,
						590.0,
						49.0,
						22.0
					],
					"outlettype": [
						"float",
						"float"
					],
					"id": "obj-54"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "split 0. 10000000.",
					"numinlets": 3,
					"numoutlets": 2,
					"patching_rect": [
						300.0,
						650.0,
						140.0,
						22.0
					],
					"outlettype": [
						"float",
						"float"
					],
					"id": "obj-55"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b f f f",
					"numinlets": 1,
					"numoutlets": 4,
					"patching_rect": [
						300.0,
						685.0,
						77.0,
						22.0
					],
					"outlettype": [
						"bang",
						"float",
						"float",
						"float"
					],
					"id": "obj-56"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr $f1 * 1000. / $f2",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						460.0,
						700.0,
						150.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-57"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "zl group 256",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						620.0,
						760.0,
						98.0,
						22.0
					],
					"outlettype": [
						"",
						""
					],
					"id": "obj-58"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						560.0,
						685.0,
						40.0,
						22.0
					],
					"outlettype": [
						"bang"
					],
					"id": "obj-59"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "i",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						560.0,
						720.0,
						40.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-60"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "append missed",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						560.0,
						750.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-61"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "text",
					"numinlets": 1,
					"numoutlets": 3,
					"patching_rect": [
						1000.0,
						840.0,
						42.0,
						22.0
					],
					"outlettype": [
						"",
						"bang",
						"int"
					],
					"id": "obj-62"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "prepend trial",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						760.0,
						105.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-63"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b l",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						300.0,
						790.0,
						49.0,
						22.0
					],
					"outlettype": [
						"bang",
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
						300.0,
						820.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "cr",
					"id": "obj-65"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "print latency",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						420.0,
						790.0,
						105.0,
						22.0
					],
					"id": "obj-66"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "sel 32",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						980.0,
						360.0,
						56.0,
						22.0
					],
					"outlettype": [
						"bang",
						""
					],
					"id": "obj-67"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b b",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						980.0,
						390.0,
						49.0,
						22.0
					],
					"outlettype": [
						"bang",
						"bang"
					],
					"id": "obj-68"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1060.0,
						420.0,
						42.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "stop",
					"id": "obj-69"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1120.0,
						420.0,
						49.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "set 0",
					"id": "obj-70"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b b b b",
					"numinlets": 1,
					"numoutlets": 4,
					"patching_rect": [
						380.0,
						155.0,
						77.0,
						22.0
					],
					"outlettype": [
						"bang",
						"bang",
						"bang",
						"bang"
					],
					"id": "obj-71"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						460.0,
						120.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "0",
					"id": "obj-72"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						540.0,
						120.0,
						63.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "zlclear",
					"id": "obj-73"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						620.0,
						120.0,
						49.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "clear",
					"id": "obj-74"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						680.0,
						120.0,
						49.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "clear",
					"id": "obj-75"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b l l l l l",
					"numinlets": 1,
					"numoutlets": 6,
					"patching_rect": [
						620.0,
						800.0,
						105.0,
						22.0
					],
					"outlettype": [
						"bang",
						"",
						"",
						"",
						"",
						""
					],
					"id": "obj-76"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "pack 0 0 0. 0. 0. 0. 0.",
					"numinlets": 7,
					"numoutlets": 1,
					"patching_rect": [
						620.0,
						1000.0,
						240.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-77"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "zl len",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						1100.0,
						840.0,
						56.0,
						22.0
					],
					"outlettype": [
						"",
						""
					],
					"id": "obj-78"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mean",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						1040.0,
						840.0,
						42.0,
						22.0
					],
					"outlettype": [
						"float",
						"int"
					],
					"id": "obj-79"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "vexpr $f1 * $f1",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						900.0,
						840.0,
						119.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-80"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "mean",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						900.0,
						870.0,
						42.0,
						22.0
					],
					"outlettype": [
						"float",
						"int"
					],
					"id": "obj-81"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr sqrt(abs($f1 - $f2 * $f2))",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						900.0,
						900.0,
						200.0,
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
					"maxclass": "newobj",
					"text": "minimum 0.",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						820.0,
						840.0,
						84.0,
						22.0
					],
					"outlettype": [
						"float",
						"int"
					],
					"id": "obj-83"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "maximum 0.",
					"numinlets": 2,
					"numoutlets": 2,
					"patching_rect": [
						740.0,
						840.0,
						84.0,
						22.0
					],
					"outlettype": [
						"float",
						"int"
					],
					"id": "obj-84"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "i",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						620.0,
						900.0,
						40.0,
						22.0
					],
					"outlettype": [
						"int"
					],
					"id": "obj-85"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						620.0,
						1030.0,
						420.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "summary trials $1 detected $2 mean $3 min $4 max $5 std $6 sr $7",
					"id": "obj-86"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "print latency",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						620.0,
						1090.0,
						105.0,
						22.0
					],
					"id": "obj-87"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "t b b l",
					"numinlets": 1,
					"numoutlets": 3,
					"patching_rect": [
						1000.0,
						1060.0,
						63.0,
						22.0
					],
					"outlettype": [
						"bang",
						"bang",
						""
					],
					"id": "obj-88"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1060.0,
						1090.0,
						40.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "cr",
					"id": "obj-89"
				}
			},
			{
				"box": {
					"maxclass": "message",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1000.0,
						1120.0,
						189.0,
						22.0
					],
					"outlettype": [
						""
					],
					"text": "write latency-results.txt",
					"id": "obj-90"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						300.0,
						940.0,
						120.0,
						20.0
					],
					"text": "mean (smp / ms)",
					"id": "obj-91",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						240.0,
						80.0,
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
						300.0,
						960.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-92",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						262.0,
						70.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr $f1 * 1000. / $f2",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						300.0,
						990.0,
						125.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-93"
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						300.0,
						1020.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-94",
					"presentation": 1,
					"presentation_rect": [
						10.0,
						284.0,
						70.0,
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
						430.0,
						940.0,
						120.0,
						20.0
					],
					"text": "jitter (smp / ms)",
					"id": "obj-95",
					"presentation": 1,
					"presentation_rect": [
						90.0,
						240.0,
						80.0,
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
						430.0,
						960.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-96",
					"presentation": 1,
					"presentation_rect": [
						90.0,
						262.0,
						70.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr $f1 * 1000. / $f2",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						430.0,
						990.0,
						125.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-97"
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						430.0,
						1020.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-98",
					"presentation": 1,
					"presentation_rect": [
						90.0,
						284.0,
						70.0,
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
						560.0,
						940.0,
						120.0,
						20.0
					],
					"text": "min (smp / ms)",
					"id": "obj-99",
					"presentation": 1,
					"presentation_rect": [
						170.0,
						240.0,
						80.0,
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
						560.0,
						960.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-100",
					"presentation": 1,
					"presentation_rect": [
						170.0,
						262.0,
						70.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr $f1 * 1000. / $f2",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						560.0,
						990.0,
						125.0,
						22.0
					],
					"outlettype": [
						""
					],
					"id": "obj-101"
				}
			},
			{
				"box": {
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						560.0,
						1020.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-102",
					"presentation": 1,
					"presentation_rect": [
						170.0,
						284.0,
						70.0,
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
						690.0,
						940.0,
						120.0,
						20.0
					],
					"text": "max (smp / ms)",
					"id": "obj-103",
					"presentation": 1,
					"presentation_rect": [
						250.0,
						240.0,
						80.0,
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
						690.0,
						960.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-104",
					"presentation": 1,
					"presentation_rect": [
						250.0,
						262.0,
						70.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "expr $f1 * 1000. / $f2",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						690.0,
						990.0,
						125.0,
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
					"maxclass": "flonum",
					"numinlets": 1,
					"numoutlets": 2,
					"patching_rect": [
						690.0,
						1020.0,
						60.0,
						22.0
					],
					"outlettype": [
						"",
						"bang"
					],
					"parameter_enable": 0,
					"id": "obj-106",
					"presentation": 1,
					"presentation_rect": [
						250.0,
						284.0,
						70.0,
						22.0
					]
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "*~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						1100.0,
						540.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-107"
				}
			}
		],
		"lines": [
			{
				"patchline": {
					"source": [
						"obj-4",
						0
					],
					"destination": [
						"obj-5",
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
						"obj-3",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-8",
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
						"obj-9",
						1
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
						"obj-10",
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
						"obj-3",
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
						"obj-12",
						2
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
						"obj-12",
						1
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
						"obj-14",
						0
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
						"obj-16",
						0
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
						"obj-16",
						1
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
						"obj-25",
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
						"obj-25",
						1
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
						"obj-26",
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
						"obj-26",
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
						"obj-27",
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
						"obj-27",
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
						0
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
						"obj-29",
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
						"obj-29",
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
						"obj-29",
						1
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
						"obj-29",
						2
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-29",
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
						"obj-16",
						0
					],
					"destination": [
						"obj-30",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-30",
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
						"obj-35",
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
						"obj-36",
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
						"obj-32",
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
						"obj-32",
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
						"obj-32",
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
						"obj-32",
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
						"obj-40",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-3",
						0
					],
					"destination": [
						"obj-40",
						1
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
						"obj-40",
						2
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
						"obj-41",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-3",
						0
					],
					"destination": [
						"obj-41",
						1
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
						"obj-41",
						2
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
						"obj-42",
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
						"obj-43",
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
						"obj-44",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-44",
						3
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
						"obj-46",
						0
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
						"obj-47",
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
						"obj-48",
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
						"obj-50",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-44",
						2
					],
					"destination": [
						"obj-40",
						3
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-44",
						1
					],
					"destination": [
						"obj-41",
						3
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
						"obj-48",
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
						"obj-53",
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
						"obj-54",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-53",
						1
					],
					"destination": [
						"obj-52",
						1
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
						"obj-51",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-54",
						1
					],
					"destination": [
						"obj-52",
						2
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
						"obj-51",
						2
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
						"obj-51",
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
						"obj-55",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-55",
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
						3
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
						"obj-4",
						1
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
						"obj-52",
						4
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-56",
						2
					],
					"destination": [
						"obj-52",
						3
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-56",
						1
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
						"obj-56",
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
						"obj-52",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-55",
						1
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
						"obj-46",
						0
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
						"obj-59",
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
						"obj-61",
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
						"obj-63",
						0
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
						"obj-63",
						0
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
						"obj-64",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-64",
						1
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
						"obj-64",
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
						"obj-62",
						0
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
						"obj-48",
						0
					],
					"destination": [
						"obj-67",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-67",
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
						1
					],
					"destination": [
						"obj-69",
						0
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
						"obj-10",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-68",
						1
					],
					"destination": [
						"obj-70",
						0
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
						"obj-8",
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
						"obj-58",
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
						"obj-71",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-71",
						3
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
						"obj-45",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-71",
						2
					],
					"destination": [
						"obj-73",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-73",
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
						"obj-71",
						1
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
						"obj-71",
						0
					],
					"destination": [
						"obj-75",
						0
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
						"obj-62",
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
						"obj-76",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-76",
						5
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
						"obj-77",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-76",
						4
					],
					"destination": [
						"obj-79",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-76",
						3
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
						"obj-81",
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
						"obj-79",
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
						"obj-81",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-79",
						0
					],
					"destination": [
						"obj-82",
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
						"obj-82",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-76",
						2
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
						"obj-76",
						1
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
						"obj-79",
						0
					],
					"destination": [
						"obj-77",
						2
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
						"obj-77",
						3
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
						"obj-77",
						4
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
						"obj-77",
						5
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-4",
						1
					],
					"destination": [
						"obj-77",
						6
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
						"obj-85",
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
						"obj-85",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-85",
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
						"obj-87",
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
						2
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
						"obj-88",
						1
					],
					"destination": [
						"obj-89",
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
						"obj-62",
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
						"obj-90",
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
						"obj-62",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-79",
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
						"obj-79",
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
						"obj-4",
						1
					],
					"destination": [
						"obj-93",
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
						"obj-94",
						0
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
						"obj-96",
						0
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
						"obj-97",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-4",
						1
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
						"obj-97",
						0
					],
					"destination": [
						"obj-98",
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
						"obj-100",
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
						"obj-101",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-4",
						1
					],
					"destination": [
						"obj-101",
						1
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
						"obj-84",
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
						"obj-84",
						0
					],
					"destination": [
						"obj-105",
						0
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-4",
						1
					],
					"destination": [
						"obj-105",
						1
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
						"obj-106",
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
						"obj-107",
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
						"obj-6",
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
						"obj-6",
						1
					]
				}
			}
		]
	}
}
