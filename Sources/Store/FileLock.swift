#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock on `DB.lock`, held for a whole `run` or `ingest`, so two processes
/// never interleave their imports. SQLite alone would keep the file intact, but two runs
/// validating against each other's half-stored months would not give the figures of either.
public final class FileLock {
    private let fd: Int32
    public let path: String

    /// Waits up to `timeout` seconds for the lock, then throws `StoreError.locked`.
    public init(path: String, timeout: Double = 5) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError(.cannotOpen, path: path, detail: String(cString: strerror(errno))) }
        var waited = 0.0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, waited < timeout else {
                close(fd)
                throw StoreError(.locked, path: path, detail: nil)
            }
            usleep(100_000)
            waited += 0.1
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}

@available(*, unavailable) extension FileLock: Sendable {}

public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable { case cannotOpen, locked, database }
    public var code: Code
    public var path: String
    public var detail: String?

    public init(_ code: Code, path: String, detail: String?) { self.code = code; self.path = path; self.detail = detail }

    public var description: String {
        switch code {
        case .locked: return "另一个 parkstat 进程正在使用数据库 \(path)，请等它结束后再运行。"
        // A full disk or a read-only folder is named first; the raw SQLite/OS text follows.
        case .cannotOpen:
            if let problem = DiskProblem.describe(file: path) { return "无法打开数据库 \(path)：\(problem)（\(detail ?? "")）" }
            return "无法打开数据库 \(path)：\(detail ?? "")"
        case .database:
            if let problem = DiskProblem.describe(file: path) { return "数据库 \(path) 出错：\(problem)（\(detail ?? "")）" }
            return "数据库 \(path) 出错：\(detail ?? "")"
        }
    }
}
