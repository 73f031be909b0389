/** Constants of spec/consensus.md §Constants. Each is referenced by name in the spec's table. */

/** The only wire version of headers defined by this spec (the first byte of an encoded header). */
export const CONSENSUS_VERSION = 1;
/** Bytes of a digest (SHA-256): header digests, batch digests. */
export const DIGEST_SIZE = 32;
/** Most authorities in a committee. */
export const MAX_COMMITTEE_SIZE = 1024;
/** Largest stake of one authority, and of a committee's total: 2^40 (sums stay exact in a double). */
export const MAX_TOTAL_STAKE = 2 ** 40;
/** Most batch digests in one header. */
export const MAX_HEADER_PAYLOAD = 1024;
/** Most parents (strong and weak) in one header: two per authority. */
export const MAX_HEADER_PARENTS = 2 * MAX_COMMITTEE_SIZE;
/** Largest round number accepted: 2^32 − 1. */
export const MAX_ROUND = 2 ** 32 - 1;
/** The garbage-collection depth of the reference configuration, in rounds (§Garbage collection). */
export const DEFAULT_GC_DEPTH = 50;
/** Domain tag of the message a vote signs: UTF-8 "pwo/consensus/vote/v1" followed by the header digest. */
export const VOTE_DOMAIN = "pwo/consensus/vote/v1";
/** Most leader-schedule entries one `leader_schedule` request may ask for. */
export const MAX_SCHEDULE_SPAN = 10_000;
/** Most events one `simulate` request may deliver (§Simulation): about a second of the reference's work. */
export const MAX_SIM_EVENTS = 50_000;
