package dev.baton.app.wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Closes a socket's connection the way RFC 6455 (§7.1.1) and every careful server do: send everything,
 * including the close frame, then half-close, and read (and drop) whatever the client still sends until it
 * closes its side too, or until {@link #PATIENCE_SECONDS} pass. Closing at once while the client's next frame
 * is on its way makes the kernel answer it with a reset, which destroys the close frame the client had not
 * read yet: a client that sent one frame too many after an oversized one saw 1006 instead of 1009.
 */
public final class LingeringClose extends ChannelDuplexHandler {

    static final long PATIENCE_SECONDS = 10;

    private boolean lingering;

    /** Makes every later close of {@code channel} linger; no-op for channels that cannot half-close. */
    public static void install(Channel channel) {
        if (channel instanceof DuplexChannel && channel.pipeline().get(LingeringClose.class) == null) {
            channel.pipeline().addFirst(new LingeringClose());
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        Channel channel = ctx.channel();
        if (!channel.isActive()) {
            ctx.close(promise);
            return;
        }
        channel.closeFuture().addListener(closed -> promise.trySuccess());
        // Whoever asks next (the transport disposing the connection, say) waits for the same end; and reading
        // must go on, or the client's own close would never be seen.
        channel.config().setAutoRead(true);
        ctx.read();
        if (lingering) {
            return;
        }
        lingering = true;
        // Closing from this handler's context skips this method: the timer, a failed write and the client's end
        // of the stream (which the transport handles below every handler) are what really close the connection.
        ScheduledFuture<?> giveUp = ctx.executor().schedule(() -> ctx.close(), PATIENCE_SECONDS, TimeUnit.SECONDS);
        channel.closeFuture().addListener(closed -> giveUp.cancel(false));
        // Writes complete in order: once this empty one has, everything before it is with the kernel, which a
        // half-close (unlike a close) still delivers.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess() && channel.isActive()) {
                ((DuplexChannel) channel).shutdownOutput();
            } else {
                ctx.close();
            }
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lingering) {
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
