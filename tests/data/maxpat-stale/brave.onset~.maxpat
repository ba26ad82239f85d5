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
			100.0,
			100.0,
			760.0,
			620.0
		],
		"bglocked": 0,
		"openinpresentation": 0,
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
		"description": "onset detector: envelope difference, sample-accurate, first onset per arm",
		"digest": "",
		"tags": "",
		"style": "",
		"subpatcher_template": "",
		"assistshowspatchername": 0,
		"boxes": [
			{
				"box": {
					"maxclass": "inlet",
					"numinlets": 0,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						20.0,
						30.0,
						30.0
					],
					"outlettype": [
						""
					],
					"index": 1,
					"comment": "audio to analyse",
					"id": "obj-1"
				}
			},
			{
				"box": {
					"maxclass": "inlet",
					"numinlets": 0,
					"numoutlets": 1,
					"patching_rect": [
						380.0,
						20.0,
						30.0,
						30.0
					],
					"outlettype": [
						""
					],
					"index": 2,
					"comment": "sample clock (count~)",
					"id": "obj-2"
				}
			},
			{
				"box": {
					"maxclass": "inlet",
					"numinlets": 0,
					"numoutlets": 1,
					"patching_rect": [
						520.0,
						20.0,
						30.0,
						30.0
					],
					"outlettype": [
						""
					],
					"index": 3,
					"comment": "arm: the trial's start sample",
					"id": "obj-3"
				}
			},
			{
				"box": {
					"maxclass": "inlet",
					"numinlets": 0,
					"numoutlets": 1,
					"patching_rect": [
						660.0,
						20.0,
						30.0,
						30.0
					],
					"outlettype": [
						""
					],
					"index": 4,
					"comment": "bang: report the onset",
					"id": "obj-4"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "onepole~ 40.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						120.0,
						70.0,
						98.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-5"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "-~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						110.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-6"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "abs~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						140.0,
						42.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-7"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "slide~ 44. 44.",
					"numinlets": 3,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						175.0,
						112.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-8"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "slide~ 1323. 1323.",
					"numinlets": 3,
					"numoutlets": 1,
					"patching_rect": [
						160.0,
						175.0,
						140.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-9"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "atodb~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						210.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-10"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "atodb~",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						160.0,
						210.0,
						56.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-11"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "-~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						245.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-12"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": ">~ 9.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						280.0,
						49.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-13"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": ">~ -60.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						160.0,
						280.0,
						63.0,
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
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						315.0,
						40.0,
						22.0
					],
					"outlettype": [
						"signal"
					],
					"id": "obj-15"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "<~ 0.",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						260.0,
						315.0,
						49.0,
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
					"maxclass": "newobj",
					"text": "*~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						20.0,
						350.0,
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
					"text": "sah~ 0.5",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						380.0,
						390.0,
						70.0,
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
					"text": "send~ #0_held",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						520.0,
						430.0,
						105.0,
						22.0
					],
					"id": "obj-19"
				}
			},
			{
				"box": {
					"maxclass": "newobj",
					"text": "receive~ #0_held",
					"numinlets": 1,
					"numoutlets": 1,
					"patching_rect": [
						260.0,
						270.0,
						126.0,
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
					"text": "snapshot~",
					"numinlets": 2,
					"numoutlets": 1,
					"patching_rect": [
						380.0,
						470.0,
						77.0,
						22.0
					],
					"outlettype": [
						"float"
					],
					"id": "obj-21"
				}
			},
			{
				"box": {
					"maxclass": "outlet",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						380.0,
						520.0,
						30.0,
						30.0
					],
					"index": 1,
					"comment": "onset sample",
					"id": "obj-22"
				}
			},
			{
				"box": {
					"maxclass": "comment",
					"numinlets": 1,
					"numoutlets": 0,
					"patching_rect": [
						20.0,
						560.0,
						700.0,
						40.0
					],
					"text": "send~/receive~ close the latch loop with one signal vector of delay (MSP forbids direct signal feedback); the detector keeps the trigger high far longer than that.",
					"linecount": 2,
					"id": "obj-23"
				}
			}
		],
		"lines": [
			{
				"patchline": {
					"source": [
						"obj-1",
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
						"obj-1",
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
						"obj-5",
						0
					],
					"destination": [
						"obj-6",
						1
					]
				}
			},
			{
				"patchline": {
					"source": [
						"obj-6",
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
						"obj-8",
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
						"obj-8",
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
						0
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
						"obj-11",
						0
					],
					"destination": [
						"obj-12",
						1
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
						"obj-10",
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
						"obj-13",
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
						"obj-14",
						0
					],
					"destination": [
						"obj-15",
						1
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
						"obj-16",
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
						"obj-2",
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
						"obj-18",
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
						"obj-20",
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
						"obj-3",
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
						"obj-18",
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
						"obj-4",
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
			}
		]
	}
}
