import Foundation
import Rules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `watch` learns that something may have changed under the inbox.
protocol ChangeSource: AnyObject {
    /// Paths of files that may have changed, after waiting at most `timeout` seconds.
    /// Returns early (possibly empty) when a signal interrupts the wait.
    func wait(timeout: Double) -> [String]
    var name: String { get }
}

/// Regular files under `root`, hidden folders left out (as `Validator.files(in:)` does).
func regularFiles(under root: String) -> [String] {
    // The shared walk, which also follows a symlinked inbox.
    FolderWalk.files(in: root) { parts in !parts.dropLast().contains { $0.hasPrefix(".") } }
        .filter { FileStamp(path: $0) != nil }
}

/// Scans the whole tree each interval: works on network shares and file systems without inotify.
final class PollingSource: ChangeSource {
    let root: String
    let interval: Double
    private var last: [String: FileStamp]
    var name: String { "轮询（每 \(interval) 秒）" }

    init(root: String, interval: Double) {
        self.root = root
        self.interval = interval
        last = PollingSource.scan(root)
    }

    static func scan(_ root: String) -> [String: FileStamp] {
        var out: [String: FileStamp] = [:]
        for f in regularFiles(under: root) { out[f] = FileStamp(path: f) }
        return out
    }

    func wait(timeout: Double) -> [String] {
        let ms = Int32(max(0, min(timeout, interval)) * 1000)
        _ = poll(nil, 0, ms)    // a plain sleep that a signal cuts short
        let now = PollingSource.scan(root)
        defer { last = now }
        return now.compactMap { $0.value != last[$0.key] ? $0.key : nil }.sorted()
    }
}

#if os(Linux)
/// inotify on the inbox and every folder below it; folders created later are added as they appear
/// (and scanned, since files may land in them before the watch exists).
final class InotifySource: ChangeSource {
    private let fd: Int32
    private var folders: [Int32: String] = [:]
    let root: String
    var name: String { "inotify" }
    /// Set when the inbox itself was deleted or moved away: nothing more can arrive.
    private(set) var rootGone = false

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB
                                     | IN_DELETE_SELF | IN_MOVE_SELF)

    init?(root: String) {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
        self.root = root
        guard add(folder: root) else { close(fd); return nil }
        _ = addTree(root)
    }

    deinit { close(fd) }

    @discardableResult
    private func add(folder: String) -> Bool {
        let wd = inotify_add_watch(fd, folder, InotifySource.mask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        return true
    }

    /// Watches every folder below `dir` and returns the files already there.
    private func addTree(_ dir: String) -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for sub in ((try? fm.subpathsOfDirectory(atPath: dir)) ?? []).sorted() {
            let full = (dir as NSString).appendingPathComponent(sub)
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &isDir) else { continue }
            if isDir.boolValue { add(folder: full) } else { files.append(full) }
        }
        return files
    }

    func wait(timeout: Double) -> [String] {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(max(0, timeout) * 1000)) > 0 else { return [] }
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= n {
                let (wd, mask, len) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let ev = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (ev.wd, ev.mask, Int(ev.len))
                }
                let nameBytes = buffer[(offset + header)..<min(n, offset + header + len)].prefix { $0 != 0 }
                offset += header + len
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    changed += regularFiles(under: root)    // events were lost: look at everything
                    continue
                }
                guard let folder = folders[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                    folders[wd] = nil
                    if folder == root { rootGone = true }
                    continue
                }
                guard !nameBytes.isEmpty else { continue }
                let path = (folder as NSString).appendingPathComponent(String(decoding: nameBytes, as: UTF8.self))
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, add(folder: path) { changed += addTree(path) }
                } else {
                    changed.append(path)
                }
            }
        }
        return changed
    }
}
#endif
