/**
 * Counterexamples the campaign found against the mutants, shrunk, promoted into vectors with their
 * seed and provenance (spec/consensus.md §Scenario vectors). Data written from the traces of
 * `pwo consensus check --rules <mutant>`; never edited by hand.
 * @module
 */
import type { Header } from "../../reference/consensus/index.js";
import type { RulesName } from "./sim/mutants.js";
import type { Scenario } from "./sim/scenario.js";

export interface Counterexample {
  rules: RulesName;
  /** Where it came from: command, seed, path, shrinking, and what it violated. */
  provenance: string;
  scenario: Scenario;
}

export interface DagCounterexample {
  rules: RulesName;
  provenance: string;
  stakes: number[];
  gcDepth: number;
  /** Headers (JSON form) in the delivery order that disagreed with round order. */
  order: { author: number; round: number; payload: string[]; parents: string[] }[];
  delivered: number;
}

/** Network-campaign counterexamples: `simulate` vectors whose verdict is the violation. */
export const COUNTEREXAMPLES: Counterexample[] = [
  {
    "rules": "quorum-2f",
    "provenance": "found by `pwo consensus check --runs 100 --nodes 4 --byzantine 1 --seed 20261124 --rules quorum-2f` (seed 20261124, path 0:0:0:0:0:0:0:0:0:0:0, shrunk 10 times); integrity at t=18 on node 2",
    "scenario": {
      "stakes": [
        1,
        1,
        1,
        1
      ],
      "nodes": [
        {
          "authority": 0,
          "behaviour": "equivocate"
        },
        {
          "authority": 1,
          "behaviour": "honest"
        },
        {
          "authority": 2,
          "behaviour": "honest"
        },
        {
          "authority": 3,
          "behaviour": "honest"
        }
      ],
      "rules": "quorum-2f",
      "gst": 0,
      "delta": 1,
      "timeout": 6,
      "until": 52,
      "gcDepth": 50,
      "partitions": [],
      "delays": [
        0
      ],
      "slow": [],
      "slowBy": 0
    }
  },
  {
    "rules": "wrong-causal-order",
    "provenance": "found by `pwo consensus check --runs 100 --nodes 4 --byzantine 1 --seed 20261124 --rules wrong-causal-order` (seed 20261124, path 0:0:0:0:0:0:0:0:0:0:0, shrunk 10 times); integrity at t=9 on node 1",
    "scenario": {
      "stakes": [
        1,
        1,
        1,
        1
      ],
      "nodes": [
        {
          "authority": 0,
          "behaviour": "equivocate"
        },
        {
          "authority": 1,
          "behaviour": "honest"
        },
        {
          "authority": 2,
          "behaviour": "honest"
        },
        {
          "authority": 3,
          "behaviour": "honest"
        }
      ],
      "rules": "wrong-causal-order",
      "gst": 0,
      "delta": 1,
      "timeout": 6,
      "until": 52,
      "gcDepth": 50,
      "partitions": [],
      "delays": [
        0
      ],
      "slow": [],
      "slowBy": 0
    }
  },
  {
    "rules": "no-equivocation-check",
    "provenance": "found by `pwo consensus check --runs 100 --nodes 4 --byzantine 1 --seed 20261124 --rules no-equivocation-check` (seed 20261124, path 7:0:0:0:0:0:0:0:0, shrunk 8 times); integrity at t=2 on node 0",
    "scenario": {
      "stakes": [
        1,
        1,
        1,
        1
      ],
      "nodes": [
        {
          "authority": 0,
          "behaviour": "equivocate"
        },
        {
          "authority": 1,
          "behaviour": "honest"
        },
        {
          "authority": 2,
          "behaviour": "honest"
        },
        {
          "authority": 3,
          "behaviour": "honest"
        }
      ],
      "rules": "no-equivocation-check",
      "gst": 0,
      "delta": 1,
      "timeout": 6,
      "until": 52,
      "gcDepth": 50,
      "partitions": [],
      "delays": [
        0
      ],
      "slow": [],
      "slowBy": 0
    }
  }
];

/** Random-DAG counterexamples: `order_dag` vectors of the adversarial delivery order (reference answer). */
export const DAG_COUNTEREXAMPLES: DagCounterexample[] = [
  {
    "rules": "commit-on-f-votes",
    "provenance": "found by `pwo consensus check --runs 100 --nodes 4 --byzantine 1 --seed 20261124 --rules commit-on-f-votes` (random-DAG campaign, seed 20261124, shrunk); agreement: position 0: 7667a1fe against 01e66d5c in round order",
    "stakes": [
      1,
      1,
      1,
      1
    ],
    "gcDepth": 2,
    "order": [
      {
        "author": 2,
        "round": 3,
        "payload": [],
        "parents": [
          "4ce3da404a77a1e2badb7720f9376284d5b67e2bb9cf99e79b8b32d82d4285a2",
          "682eb032292f2df68d6ced625fcb688824822ecbfbedd56bfc708f3c6632f2d3",
          "868837a99ac15b8c2a02714c54dfc5189d261b0de99a047f7b591dd9b2cc58b9"
        ]
      },
      {
        "author": 3,
        "round": 2,
        "payload": [],
        "parents": [
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba",
          "ddf7e582bd54a91d0882773aa4b0e50082abee941bcbac59071eecc40f58039d"
        ]
      },
      {
        "author": 0,
        "round": 4,
        "payload": [],
        "parents": [
          "27e94006d456c340afd4a1118f5b04586c1039176d6b67e491b593ce856aaa8d",
          "83a36fe9fb4850413dec3604349ff3e4d712c55d5617cd76f72d38d494254bba",
          "d01f18b377d36489164de659e4775741e9974a9e43f79e4309f723552d4e0d06"
        ]
      },
      {
        "author": 2,
        "round": 5,
        "payload": [],
        "parents": [
          "74d1b642169d737006c522ccc487063caa3f7ecd6728414742e95e6535b95f33",
          "b8f53cecfc346a1a0f2805a4fcf14861832bb49ad02a40edf9acf833a69a041d",
          "f608fed606cf453998451532e0adfd02e19ecd08fcbad0fbc4e89ce7b7fbab20"
        ]
      },
      {
        "author": 3,
        "round": 3,
        "payload": [],
        "parents": [
          "4ce3da404a77a1e2badb7720f9376284d5b67e2bb9cf99e79b8b32d82d4285a2",
          "682eb032292f2df68d6ced625fcb688824822ecbfbedd56bfc708f3c6632f2d3",
          "868837a99ac15b8c2a02714c54dfc5189d261b0de99a047f7b591dd9b2cc58b9"
        ]
      },
      {
        "author": 1,
        "round": 4,
        "payload": [],
        "parents": [
          "27e94006d456c340afd4a1118f5b04586c1039176d6b67e491b593ce856aaa8d",
          "7667a1fe96906b81716abfd977082c7bbd36a3ec060420a559866ef36020134d",
          "83a36fe9fb4850413dec3604349ff3e4d712c55d5617cd76f72d38d494254bba"
        ]
      },
      {
        "author": 0,
        "round": 2,
        "payload": [],
        "parents": [
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba",
          "ddf7e582bd54a91d0882773aa4b0e50082abee941bcbac59071eecc40f58039d"
        ]
      },
      {
        "author": 1,
        "round": 3,
        "payload": [],
        "parents": [
          "4ce3da404a77a1e2badb7720f9376284d5b67e2bb9cf99e79b8b32d82d4285a2",
          "682eb032292f2df68d6ced625fcb688824822ecbfbedd56bfc708f3c6632f2d3",
          "868837a99ac15b8c2a02714c54dfc5189d261b0de99a047f7b591dd9b2cc58b9"
        ]
      },
      {
        "author": 2,
        "round": 2,
        "payload": [],
        "parents": [
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba",
          "ddf7e582bd54a91d0882773aa4b0e50082abee941bcbac59071eecc40f58039d"
        ]
      },
      {
        "author": 3,
        "round": 5,
        "payload": [],
        "parents": [
          "74d1b642169d737006c522ccc487063caa3f7ecd6728414742e95e6535b95f33",
          "b8f53cecfc346a1a0f2805a4fcf14861832bb49ad02a40edf9acf833a69a041d",
          "f608fed606cf453998451532e0adfd02e19ecd08fcbad0fbc4e89ce7b7fbab20"
        ]
      },
      {
        "author": 2,
        "round": 4,
        "payload": [],
        "parents": [
          "27e94006d456c340afd4a1118f5b04586c1039176d6b67e491b593ce856aaa8d",
          "7667a1fe96906b81716abfd977082c7bbd36a3ec060420a559866ef36020134d",
          "83a36fe9fb4850413dec3604349ff3e4d712c55d5617cd76f72d38d494254bba"
        ]
      },
      {
        "author": 1,
        "round": 1,
        "payload": [],
        "parents": [
          "b0b8ad02f2f05ebcc80d37e5324dbf0d88cfd6cb808676f6d7dc5d0b6d3286fa",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 1,
        "round": 2,
        "payload": [],
        "parents": [
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba",
          "ddf7e582bd54a91d0882773aa4b0e50082abee941bcbac59071eecc40f58039d"
        ]
      },
      {
        "author": 1,
        "round": 5,
        "payload": [],
        "parents": [
          "74d1b642169d737006c522ccc487063caa3f7ecd6728414742e95e6535b95f33",
          "b8f53cecfc346a1a0f2805a4fcf14861832bb49ad02a40edf9acf833a69a041d",
          "f608fed606cf453998451532e0adfd02e19ecd08fcbad0fbc4e89ce7b7fbab20"
        ]
      },
      {
        "author": 3,
        "round": 1,
        "payload": [],
        "parents": [
          "b0b8ad02f2f05ebcc80d37e5324dbf0d88cfd6cb808676f6d7dc5d0b6d3286fa",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 3,
        "round": 4,
        "payload": [],
        "parents": [
          "27e94006d456c340afd4a1118f5b04586c1039176d6b67e491b593ce856aaa8d",
          "7667a1fe96906b81716abfd977082c7bbd36a3ec060420a559866ef36020134d",
          "83a36fe9fb4850413dec3604349ff3e4d712c55d5617cd76f72d38d494254bba"
        ]
      },
      {
        "author": 0,
        "round": 3,
        "payload": [],
        "parents": [
          "4ce3da404a77a1e2badb7720f9376284d5b67e2bb9cf99e79b8b32d82d4285a2",
          "70d14f810cb36e3d719b848f368dbeb5a7dcb13b50f8a5087219b34a39320e31",
          "868837a99ac15b8c2a02714c54dfc5189d261b0de99a047f7b591dd9b2cc58b9"
        ]
      },
      {
        "author": 0,
        "round": 5,
        "payload": [],
        "parents": [
          "74d1b642169d737006c522ccc487063caa3f7ecd6728414742e95e6535b95f33",
          "b8f53cecfc346a1a0f2805a4fcf14861832bb49ad02a40edf9acf833a69a041d",
          "f608fed606cf453998451532e0adfd02e19ecd08fcbad0fbc4e89ce7b7fbab20"
        ]
      },
      {
        "author": 2,
        "round": 1,
        "payload": [],
        "parents": [
          "b0b8ad02f2f05ebcc80d37e5324dbf0d88cfd6cb808676f6d7dc5d0b6d3286fa",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 0,
        "round": 1,
        "payload": [],
        "parents": [
          "b0b8ad02f2f05ebcc80d37e5324dbf0d88cfd6cb808676f6d7dc5d0b6d3286fa",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      }
    ],
    "delivered": 20
  },
  {
    "rules": "skip-earlier-anchors",
    "provenance": "found by `pwo consensus check --runs 100 --nodes 4 --byzantine 1 --seed 20261124 --rules skip-earlier-anchors` (random-DAG campaign, seed 20261124, shrunk); agreement: position 0: eec1eaa5 against 001ab4ec in round order",
    "stakes": [
      1,
      1,
      1,
      1
    ],
    "gcDepth": 2,
    "order": [
      {
        "author": 1,
        "round": 1,
        "payload": [],
        "parents": [
          "b0b8ad02f2f05ebcc80d37e5324dbf0d88cfd6cb808676f6d7dc5d0b6d3286fa",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 2,
        "round": 1,
        "payload": [],
        "parents": [
          "957b88b12730e646e0f33d3618b77dfa579e8231e3c59c7104be7165611c8027",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 3,
        "round": 1,
        "payload": [],
        "parents": [
          "b0b8ad02f2f05ebcc80d37e5324dbf0d88cfd6cb808676f6d7dc5d0b6d3286fa",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 1,
        "round": 2,
        "payload": [],
        "parents": [
          "001ab4ec75947dbff774bc5566cdde073a5300606e7f0a89a7f957eb742e144f",
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "f3b474440a43b651cd71f3027b118d9ca468517f130fa0a638124a90fd69c427"
        ]
      },
      {
        "author": 2,
        "round": 2,
        "payload": [],
        "parents": [
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba",
          "f3b474440a43b651cd71f3027b118d9ca468517f130fa0a638124a90fd69c427"
        ]
      },
      {
        "author": 3,
        "round": 2,
        "payload": [],
        "parents": [
          "001ab4ec75947dbff774bc5566cdde073a5300606e7f0a89a7f957eb742e144f",
          "01e66d5c5c6fcb97755415514de2f9b44d2917f76caeb3d8a00574ba90675f46",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba"
        ]
      },
      {
        "author": 1,
        "round": 3,
        "payload": [],
        "parents": [
          "3735e2c2f7790c87960a165df403614b457576664030e1c6af2fa030228bdda5",
          "47543cfc3307fc559a9d7c34e1323798466df74703f0512c6760af532d09f542",
          "d1f54ab9b7fee7d7eb9e5b3bf7525bce13a23e1f4ef5c45c85ec089dd595e108"
        ]
      },
      {
        "author": 2,
        "round": 3,
        "payload": [],
        "parents": [
          "3300761caa4c647c626711f267ddfb47babef32cb403b1f1b2248483c785c9a3",
          "3735e2c2f7790c87960a165df403614b457576664030e1c6af2fa030228bdda5",
          "d1f54ab9b7fee7d7eb9e5b3bf7525bce13a23e1f4ef5c45c85ec089dd595e108"
        ]
      },
      {
        "author": 3,
        "round": 3,
        "payload": [],
        "parents": [
          "3300761caa4c647c626711f267ddfb47babef32cb403b1f1b2248483c785c9a3",
          "3735e2c2f7790c87960a165df403614b457576664030e1c6af2fa030228bdda5",
          "d1f54ab9b7fee7d7eb9e5b3bf7525bce13a23e1f4ef5c45c85ec089dd595e108"
        ]
      },
      {
        "author": 1,
        "round": 4,
        "payload": [],
        "parents": [
          "15c673c01418f069d4091966c9a601db677e963562eee235577d55de63b46684",
          "232f5ebb5227439f14c7e9b9957832743e3e4a182edec218c6929ebf86028891",
          "eec1eaa5802744c879bed631dd580583fa1b9417d0f80282258186f3fc282912"
        ]
      },
      {
        "author": 2,
        "round": 4,
        "payload": [],
        "parents": [
          "15c673c01418f069d4091966c9a601db677e963562eee235577d55de63b46684",
          "232f5ebb5227439f14c7e9b9957832743e3e4a182edec218c6929ebf86028891",
          "eec1eaa5802744c879bed631dd580583fa1b9417d0f80282258186f3fc282912"
        ]
      },
      {
        "author": 3,
        "round": 4,
        "payload": [],
        "parents": [
          "15c673c01418f069d4091966c9a601db677e963562eee235577d55de63b46684",
          "232f5ebb5227439f14c7e9b9957832743e3e4a182edec218c6929ebf86028891",
          "eec1eaa5802744c879bed631dd580583fa1b9417d0f80282258186f3fc282912"
        ]
      },
      {
        "author": 1,
        "round": 5,
        "payload": [],
        "parents": [
          "1086e5da53b4ac0aebfedbb32e917920b0acff884145ed9bac87a004f61fb682",
          "c2c46d95fbad409ea8ec5d0309363eb165d68d65c24659709a3723218f523bcb",
          "d02b7480b0a19277c91c04104e01c7f33758f90efff79dcc194053b26bbc2410"
        ]
      },
      {
        "author": 2,
        "round": 5,
        "payload": [],
        "parents": [
          "1086e5da53b4ac0aebfedbb32e917920b0acff884145ed9bac87a004f61fb682",
          "c2c46d95fbad409ea8ec5d0309363eb165d68d65c24659709a3723218f523bcb",
          "d02b7480b0a19277c91c04104e01c7f33758f90efff79dcc194053b26bbc2410"
        ]
      },
      {
        "author": 3,
        "round": 5,
        "payload": [],
        "parents": [
          "1086e5da53b4ac0aebfedbb32e917920b0acff884145ed9bac87a004f61fb682",
          "c2c46d95fbad409ea8ec5d0309363eb165d68d65c24659709a3723218f523bcb",
          "d02b7480b0a19277c91c04104e01c7f33758f90efff79dcc194053b26bbc2410"
        ]
      },
      {
        "author": 0,
        "round": 1,
        "payload": [],
        "parents": [
          "957b88b12730e646e0f33d3618b77dfa579e8231e3c59c7104be7165611c8027",
          "b3844634762d8e075473fc1cd774d0f251c6512e27e67e43e7b9ae69efff56f3",
          "c7c5e48e3b86a90a8fc0b22804a3f5b1ca40b68bc69dd9f4f3ec1240f6ba85e1"
        ]
      },
      {
        "author": 0,
        "round": 2,
        "payload": [],
        "parents": [
          "001ab4ec75947dbff774bc5566cdde073a5300606e7f0a89a7f957eb742e144f",
          "b73a510145ef97b7a5e67dc9847a8ff16a7f76880ac4e20d34ef22aba5c8aeba",
          "f3b474440a43b651cd71f3027b118d9ca468517f130fa0a638124a90fd69c427"
        ]
      },
      {
        "author": 0,
        "round": 3,
        "payload": [],
        "parents": [
          "3735e2c2f7790c87960a165df403614b457576664030e1c6af2fa030228bdda5",
          "47543cfc3307fc559a9d7c34e1323798466df74703f0512c6760af532d09f542",
          "d1f54ab9b7fee7d7eb9e5b3bf7525bce13a23e1f4ef5c45c85ec089dd595e108"
        ]
      },
      {
        "author": 0,
        "round": 4,
        "payload": [],
        "parents": [
          "15c673c01418f069d4091966c9a601db677e963562eee235577d55de63b46684",
          "232f5ebb5227439f14c7e9b9957832743e3e4a182edec218c6929ebf86028891",
          "a82706176dda20963ea2edcde40af9d958e4fa11719c24234f2e048016573e99"
        ]
      },
      {
        "author": 0,
        "round": 5,
        "payload": [],
        "parents": [
          "1086e5da53b4ac0aebfedbb32e917920b0acff884145ed9bac87a004f61fb682",
          "c2c46d95fbad409ea8ec5d0309363eb165d68d65c24659709a3723218f523bcb",
          "f9877499f78b2abc6252c4ac80cd26f948f0427df577c6d08c9bf1fb1978ade1"
        ]
      }
    ],
    "delivered": 20
  }
];

export type { Header };
