package org.beable.jupyter;

import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The kernel's five ZeroMQ sockets, bound where the connection file says: shell and control
 * (ROUTER, requests and replies), stdin (ROUTER; Beable never asks for input), IOPub (PUB, what
 * every front end sees) and the heartbeat (REP, echoed on its own thread). Shell and control are
 * each read by one thread; IOPub is written from several (results, progress from worker
 * threads), so its sends are serialised here.
 */
final class Channels implements AutoCloseable {
    /** How long a blocking receive waits before its loop looks whether the kernel is stopping. */
    static final int POLL_MILLIS = 100;

    private final ZContext context = new ZContext();
    private final Wire wire;
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    private final ZMQ.Socket stdin;
    private final ZMQ.Socket iopub;
    private final Thread heartbeat;
    private volatile boolean open = true;

    Channels(ConnectionInfo info, Wire wire) {
        this.wire = wire;
        context.setLinger(200);
        ZMQ.Socket beat;
        try {
            shell = bind(SocketType.ROUTER, info.address(info.shellPort()));
            control = bind(SocketType.ROUTER, info.address(info.controlPort()));
            stdin = bind(SocketType.ROUTER, info.address(info.stdinPort()));
            iopub = bind(SocketType.PUB, info.address(info.iopubPort()));
            beat = bind(SocketType.REP, info.address(info.heartbeatPort()));
        } catch (IllegalStateException e) {
            context.close();        // the sockets already bound let go of their ports
            throw e;
        }
        heartbeat = new Thread(() -> echo(beat), "beable-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.start();
    }

    private ZMQ.Socket bind(SocketType type, String address) {
        ZMQ.Socket socket = context.createSocket(type);
        socket.setReceiveTimeOut(POLL_MILLIS);
        try {
            if (socket.bind(address)) return socket;
        } catch (ZMQException e) {
            throw new IllegalStateException("cannot listen on " + address + " (" + e.getMessage() + "); is another kernel using the port?", e);
        }
        throw new IllegalStateException("cannot listen on " + address);
    }

    /** The heartbeat: whatever arrives goes straight back, so the front end knows the process lives. */
    private void echo(ZMQ.Socket beat) {
        while (open) {
            byte[] ping = beat.recv(0);
            if (ping != null) beat.send(ping, 0);
        }
    }

    /** Publishes on IOPub; safe from any thread. */
    synchronized void publish(Message message) {
        if (open) wire.send(iopub, message);
    }

    /** Sends a reply on the socket its request came from (shell or control), from that socket's thread. */
    void reply(ZMQ.Socket socket, Message message) {
        wire.send(socket, message);
    }

    Message receive(ZMQ.Socket socket) {
        return wire.receive(socket);
    }

    boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        synchronized (this) {
            open = false;
        }
        try {
            heartbeat.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
