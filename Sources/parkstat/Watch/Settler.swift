#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size and modification time of a file: a copy in progress changes one of them.
struct FileStamp: Equatable, Sendable {
    var size: Int64
    var mtimeNanos: Int64

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int64(st.st_size)
        #if canImport(Darwin)
        mtimeNanos = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
        mtimeNanos = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }

    init(size: Int64, mtimeNanos: Int64) { self.size = size; self.mtimeNanos = mtimeNanos }
}

/// Decides when a changed file is complete: its stamp must stay the same for `settle` seconds.
/// Events only say "look at this path"; the decision is made by stat, so inotify and polling
/// behave alike and a copy that pauses longer than `settle` is simply read again when it resumes.
struct Settler {
    let settle: Double
    /// Files waiting to settle: the stamp last seen and since when it has not changed.
    private(set) var pending: [String: (stamp: FileStamp, since: Double)] = [:]
    /// The stamp each file had when it was last handled (or when watching began).
    private(set) var handled: [String: FileStamp] = [:]
    var stat: (String) -> FileStamp? = { FileStamp(path: $0) }

    init(settle: Double) { self.settle = settle }

    /// Files present when watching began are not new: they count as handled.
    mutating func baseline(_ path: String) {
        if let s = stat(path) { handled[path] = s }
    }

    /// Something may have changed at `path`.
    mutating func touch(_ path: String, now: Double) {
        guard let s = stat(path) else { pending[path] = nil; return }
        if handled[path] == s { pending[path] = nil; return }
        if let p = pending[path], p.stamp == s { return }
        pending[path] = (s, now)
    }

    /// Pending files whose stamp held still for `settle` seconds, re-checked now, oldest first.
    mutating func ready(now: Double) -> [String] {
        for path in Array(pending.keys) { touch(path, now: now) }
        return pending.filter { now - $0.value.since >= settle }.sorted { ($0.value.since, $0.key) < ($1.value.since, $1.key) }.map(\.key)
    }

    /// The file was processed as it is now; it is pending again only if it changes.
    mutating func markHandled(_ path: String) {
        if let p = pending.removeValue(forKey: path) { handled[path] = p.stamp } else if let s = stat(path) { handled[path] = s }
    }

    var hasPending: Bool { !pending.isEmpty }
}

/// Names that are never submissions: Office lock files, macOS companions, hidden files and the
/// temporary names browsers and copy tools use until a file is complete.
enum WatchFilter {
    static func ignores(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix("~$") || name.hasPrefix(".") || name.hasSuffix("~") { return true }
        let lower = name.lowercased()
        return [".tmp", ".part", ".crdownload", ".partial", ".download"].contains { lower.hasSuffix($0) }
            || lower.contains(".tmp-")
    }
}
