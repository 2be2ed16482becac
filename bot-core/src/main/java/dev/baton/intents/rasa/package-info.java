/**
 * Converts a Rasa project's training data and responses into Baton intents, reporting everything that has no Baton
 * equivalent (entities, synonyms, stories, images, ...) instead of losing it silently. Entry point: {@link
 * dev.baton.intents.rasa.RasaConversion}.
 */
package dev.baton.intents.rasa;
