/**
 * What every messaging platform's adapter shares: their settings, calls to a platform's HTTP API, and reading and
 * answering its webhook. The adapters themselves are the sibling packages ({@code telegram}, {@code whatsapp}), all
 * registered in {@link dev.baton.app.channel.Channels}.
 */
package dev.baton.app.channel.platform;
