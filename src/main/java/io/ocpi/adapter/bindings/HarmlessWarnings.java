package io.ocpi.adapter.bindings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.nio.channels.ClosedChannelException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;
import org.springframework.stereotype.Component;

/**
 * Drops four warnings of the libraries the bindings use that report normal operation, so that a warning in the log
 * always means something to look at:
 * <ul>
 * <li>JSch's "Permanently added '[host]:port' to the list of known hosts", at every SFTP connection (each readiness
 * check makes one) when {@code strict-host-key-checking} is {@code no}: the host key is accepted as configured, and
 * kept in memory only.</li>
 * <li>Camel's "The task Leadership does not have more budget to continue running": the master consumer's start task
 * reports it after it has started the poller; each failed start attempt is logged by the master consumer itself.</li>
 * <li>A {@link ClosedChannelException} from the cluster's file lock view: its lock file's channel is closed by the
 * view itself when its poller stops (a reload of the route file, a shutdown) while its lock renewal runs.</li>
 * <li>The embedded SFTP server's "still have 41 bytes of 41 on closing channel": an answer it had not sent when the
 * client closed the channel, which the client no longer wanted (a poller stopping, a readiness check ending).</li>
 * </ul>
 */
@Component
public class HarmlessWarnings extends TurboFilter {

    private static final String JSCH_LOG = "org.apache.camel.component.file.remote.SftpOperations";
    private static final String TASK_LOG = "org.apache.camel.support.task.BackgroundTask";
    private static final String CLUSTER_VIEW_LOG = "org.apache.camel.component.file.cluster.FileLockClusterView";
    private static final String SSHD_CHANNEL_LOG = "org.apache.sshd.common.channel.ChannelAsyncOutputStream";

    @PostConstruct
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs && !logs.getTurboFilterList().contains(this)) {
            logs.addTurboFilter(this);
        }
    }

    @PreDestroy
    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logs) {
            logs.getTurboFilterList().remove(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || logger == null) {
            return FilterReply.NEUTRAL;
        }
        boolean harmless = switch (logger.getName()) {
            case JSCH_LOG -> text(format, params).contains("Permanently added");
            case TASK_LOG -> text(format, params).contains("Leadership does not have more budget");
            case CLUSTER_VIEW_LOG -> t instanceof ClosedChannelException
                    || params != null && params.length > 0 && params[params.length - 1] instanceof ClosedChannelException;
            case SSHD_CHANNEL_LOG -> text(format, params).contains("on closing channel");
            default -> false;
        };
        return harmless ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static String text(String format, Object[] params) {
        return format == null ? "" : MessageFormatter.arrayFormat(format, params).getMessage();
    }
}
