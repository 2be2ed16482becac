package dev.baton.app.channel.app;

/**
 * What the app posts for one of its users' messages.
 *
 * @param id       the app's id for this message: the same message posted again carries the same one, and is handled once
 * @param user     the app's id for the user (1-128 of A-Z, a-z, 0-9 and _ . + @ -): one conversation history per user
 * @param text     what the user wrote, or the label of the choice they picked
 * @param choice   the {@code key} of the choice picked, from a reply's {@code choices}; absent for typed text
 * @param language the user's language, if the app knows it ({@code it})
 */
record AppMessage(String id, String user, String text, String choice, String language) {
}
