package dev.baton.rights;

/**
 * What an erasure removed, counted: all an audit entry may say of it, since the data itself is gone.
 *
 * @param visitors      the visitors erased (one, or each one found by an email or phone number)
 * @param conversations their conversations, each with its transcript, consent, ratings and index entries
 * @param closed        how many of them were still open (with the bot, waiting or with an agent) and were closed first
 * @param messages      the messages of those transcripts
 * @param leftMessages  the messages they left for the agents
 * @param inboxEntries  the trainers' inbox wordings their messages had contributed to
 */
public record Erasure(int visitors, int conversations, int closed, int messages, int leftMessages, int inboxEntries) {

    public static final Erasure NOTHING = new Erasure(0, 0, 0, 0, 0, 0);

    Erasure plus(Erasure other) {
        return new Erasure(visitors + other.visitors, conversations + other.conversations, closed + other.closed,
                messages + other.messages, leftMessages + other.leftMessages, inboxEntries + other.inboxEntries);
    }

    /** In words, for the audit log: counts only. */
    public String summary() {
        return visitors + " visitor(s): " + conversations + " conversation(s) (" + closed + " closed first), " + messages
                + " message(s), " + leftMessages + " left message(s), " + inboxEntries + " inbox entr(ies)";
    }
}
