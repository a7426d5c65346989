#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read into memory with one `read`. Submissions are a few kilobytes: parsed from
/// here, a workbook costs none of the dozens of seeks, stats and reads libzip makes on a file, and
/// the same bytes give `validate` its duplicate fingerprint, so each file is read once.
public final class FileBytes: @unchecked Sendable {
    private let base: UnsafeMutableRawPointer
    public let count: Int

    /// Files up to this size are read whole; larger ones are streamed from disk, so memory stays
    /// bounded for the million-row workbook.
    public static let wholeFileLimit = 16 << 20

    /// Nil when the file cannot be opened or read, is not a regular file, or is larger than
    /// `limit` bytes (big workbooks are streamed from disk instead). FIFOs are never waited on.
    public init?(path: String, limit: Int = FileBytes.wholeFileLimit) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= limit else { return nil }
        let size = Int(st.st_size)
        base = .allocate(byteCount: max(size, 1), alignment: 16)
        var n = 0
        while n < size {
            let got = read(fd, base + n, size - n)
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { base.deallocate(); return nil }
            if got == 0 { break }    // truncated meanwhile: what was read is the file
            n += got
        }
        count = n
    }

    deinit { base.deallocate() }

    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
