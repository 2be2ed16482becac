package dev.baton.app.channel.app;

/**
 * What the app posts for one of its users' messages.
 *
 * @param id       the app's id for this message: the same message posted again carries the same one, and is handled once
 * @param user     the app's id for the user (1-128 of A-Z, a-z, 0-9 and _ . + @ -): one conversation history per user
 * @param text     what the user wrote, or the label of the choice they picked
 * @param choice   the {@code key} of the choice picked, from a reply's {@code choices}; absent for typed text
 * @param language the user's language, if the app knows it ({@code it})
 * @param verifiedEmail an email address the app verified is the user's (their sign-in, say); only what the app itself
 *                 verified, since Baton links the user to every visitor with the same verified address
 * @param verifiedPhone a phone number the app verified is the user's, likewise
 */
record AppMessage(String id, String user, String text, String choice, String language, String verifiedEmail,
                  String verifiedPhone) {
}
