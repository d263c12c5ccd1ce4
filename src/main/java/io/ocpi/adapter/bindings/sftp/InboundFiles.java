package io.ocpi.adapter.bindings.sftp;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpATTRS;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.ExchangeBuilder;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.remote.SftpRemoteFile;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.GenericFileProcessStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * How a route takes files from an SFTP folder that strangers write to, as its {@code processStrategy} (the SAP
 * inbound folder, as {@code #inboundFiles}):
 * <ul>
 *   <li>a file is read once it has stayed unchanged for {@code stableFor} (Camel's {@code changed} read lock, by its
 *       modification time): senders write under the final name, and not always at once;</li>
 *   <li>an entry that is no regular file (a symbolic link) or is larger than {@code maxFileSize} is never read: it goes
 *       to the error folder at once;</li>
 *   <li>a file processed goes to the done folder; one that failed to the error folder, with {@code <name>.reason}
 *       holding why. A name already there is kept: the newer file is {@code <name>-1.<ext>}, {@code -2}, ...</li>
 * </ul>
 * The folders are below the one polled. {@code onRefused} is told of each file moved to the error folder, whichever
 * of the two reasons.
 */
public class InboundFiles extends GenericFileProcessStrategySupport<SftpRemoteFile> {

    private static final Logger LOG = LoggerFactory.getLogger(InboundFiles.class);
    // A file not yet stable is looked at again for this long, then left for the next poll, so that a file still being
    // written holds up those behind it for no longer.
    private static final long CHECK_INTERVAL_MILLIS = 1000;
    private static final long GIVE_UP_AFTER_MILLIS = 2000;

    private final String done;
    private final String error;
    private final long maxFileSize;
    private final Runnable onRefused;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public InboundFiles(String done, String error, Duration stableFor, DataSize maxFileSize, Runnable onRefused) {
        this.done = done;
        this.error = error;
        this.maxFileSize = maxFileSize.toBytes();
        this.onRefused = onRefused;
        SftpChangedExclusiveReadLockStrategy stable = new SftpChangedExclusiveReadLockStrategy();
        stable.setMinAge(stableFor.toMillis());
        stable.setMinLength(0);
        stable.setCheckInterval(CHECK_INTERVAL_MILLIS);
        stable.setTimeout(GIVE_UP_AFTER_MILLIS);
        // A file not yet stable is no news: it is taken at a later poll.
        stable.setReadLockLoggingLevel(LoggingLevel.DEBUG);
        // Looks at the file alone, not at the whole folder.
        stable.setFastExistsCheck(true);
        setExclusiveReadLockStrategy((GenericFileExclusiveReadLockStrategy) stable);
    }

    @Override
    public boolean begin(GenericFileOperations<SftpRemoteFile> operations, GenericFileEndpoint<SftpRemoteFile> endpoint,
                         Exchange exchange, GenericFile<SftpRemoteFile> file) throws Exception {
        String refusal = refusal(file);
        if (refusal != null) {
            LOG.warn("{} refused: {}", file.getAbsoluteFilePath(), refusal);
            moveToError(operations, exchange, file, refusal);
            return false;
        }
        return super.begin(operations, endpoint, exchange, file);
    }

    @Override
    public void commit(GenericFileOperations<SftpRemoteFile> operations, GenericFileEndpoint<SftpRemoteFile> endpoint,
                       Exchange exchange, GenericFile<SftpRemoteFile> file) throws Exception {
        operations.releaseRetrievedFileResources(exchange);
        try {
            moveInto(operations, file, done);
        } finally {
            super.commit(operations, endpoint, exchange, file);
        }
    }

    @Override
    public void rollback(GenericFileOperations<SftpRemoteFile> operations, GenericFileEndpoint<SftpRemoteFile> endpoint,
                         Exchange exchange, GenericFile<SftpRemoteFile> file) throws Exception {
        operations.releaseRetrievedFileResources(exchange);
        try {
            Exception failure = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            moveToError(operations, exchange, file, failure == null ? "failed" : String.valueOf(failure.getMessage()));
        } finally {
            super.rollback(operations, endpoint, exchange, file);
        }
    }

    /** Why a file must not be read at all, from what the folder listing says of it; null when it may be. */
    private String refusal(GenericFile<SftpRemoteFile> file) {
        if (file.getFile().getRemoteFile() instanceof ChannelSftp.LsEntry entry && !entry.getAttrs().isReg()) {
            SftpATTRS attributes = entry.getAttrs();
            return (attributes.isLink() ? "a symbolic link" : "not a regular file (" + attributes.getPermissionsString() + ")")
                    + ": not read";
        }
        if (file.getFileLength() > maxFileSize) {
            return file.getFileLength() + " bytes, over the limit of " + maxFileSize + " (ocpi.bindings.sftp.max-file-size): not read";
        }
        return null;
    }

    private void moveToError(GenericFileOperations<SftpRemoteFile> operations, Exchange exchange, GenericFile<SftpRemoteFile> file,
                             String reason) {
        GenericFile<SftpRemoteFile> moved = moveInto(operations, file, error);
        Exchange note = ExchangeBuilder.anExchange(exchange.getContext()).withBody(reason + "\n").build();
        operations.storeFile(moved.getAbsoluteFilePath() + ".reason", note, -1);
        onRefused.run();
    }

    /** Moved into the folder under its name, or, when a file of that name is there already, the first free {@code <name>-<n>.<ext>}. */
    private GenericFile<SftpRemoteFile> moveInto(GenericFileOperations<SftpRemoteFile> operations, GenericFile<SftpRemoteFile> file,
                                                 String folder) {
        String name = file.getFileNameOnly();
        int dot = name.lastIndexOf('.') > 0 ? name.lastIndexOf('.') : name.length();
        GenericFile<SftpRemoteFile> to = named(operations, file, folder + "/" + name);
        for (int n = 1; operations.existsFile(to.getAbsoluteFilePath()); n++) {
            to = named(operations, file, folder + "/" + name.substring(0, dot) + "-" + n + name.substring(dot));
        }
        return renameFile(operations, file, to);
    }

    private static GenericFile<SftpRemoteFile> named(GenericFileOperations<SftpRemoteFile> operations, GenericFile<SftpRemoteFile> file,
                                                     String name) {
        GenericFile<SftpRemoteFile> renamed = operations.newGenericFile();
        file.copyFrom(file, renamed);
        renamed.changeFileName(name);
        return renamed;
    }
}
