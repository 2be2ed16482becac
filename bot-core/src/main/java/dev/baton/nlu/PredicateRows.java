package dev.baton.nlu;

import java.util.List;

/**
 * Which weight row a feature name has, looked up by a 64-bit fingerprint of the name in an open-addressed table.
 *
 * <p>Why not a {@code HashMap<String, Integer>}: a message's features are new strings, so each lookup hashes the
 * name, then follows the table slot to an entry, the entry to its key and the key to its characters — four
 * scattered reads into a table of tens of thousands of entries. On a busy node those reads missed the caches so
 * often that the map lookup was a sixth of the node's CPU samples, more than all of the arithmetic of
 * classification. Here a lookup reads one slot of a {@code long[]} (and the row number beside it).
 *
 * <p>A fingerprint stands in for the name: two trained names with the same fingerprint are refused when the table
 * is built, and an unknown feature whose fingerprint equals a trained one's (odds about n / 2<sup>64</sup> per
 * lookup, n the number of trained names) would read that name's row: a slightly different score, never an error.
 * Immutable and thread-safe.
 */
final class PredicateRows {

    private final long[] fingerprints;
    private final int[] rows;
    private final int mask;

    /** Row i for {@code names.get(i)}. */
    PredicateRows(List<String> names) {
        int capacity = Integer.highestOneBit(Math.max(4, names.size() * 2) - 1) << 1;
        fingerprints = new long[capacity];
        rows = new int[capacity];
        mask = capacity - 1;
        for (int row = 0; row < names.size(); row++) {
            long fingerprint = fingerprint(names.get(row));
            int slot = (int) fingerprint & mask;
            while (fingerprints[slot] != 0) {
                if (fingerprints[slot] == fingerprint) {
                    throw new IllegalArgumentException("two features share a fingerprint: " + names.get(row)
                            + " and " + names.get(rows[slot]));
                }
                slot = (slot + 1) & mask;
            }
            fingerprints[slot] = fingerprint;
            rows[slot] = row;
        }
    }

    /** The name's row; -1 when it was not trained. */
    int rowOf(String name) {
        long fingerprint = fingerprint(name);
        for (int slot = (int) fingerprint & mask; ; slot = (slot + 1) & mask) {
            long found = fingerprints[slot];
            if (found == fingerprint) {
                return rows[slot];
            }
            if (found == 0) {
                return -1;
            }
        }
    }

    /** FNV-1a over the UTF-16 chars, then a full-avalanche finish so that the low bits index well; never 0. */
    static long fingerprint(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
