import Foundation
import Testing
import TestSupport

/// A full disk and a read-only output folder: a clear message, a non-zero exit, the store intact.
/// The folder is a small tmpfs (the tests run as root, so `chmod` alone would not stop a write);
/// where mounting is not allowed (an unprivileged container) the tests are skipped.
@Suite(.serialized) struct DiskFailureTests {
    static let canMount: Bool = {
        guard let dir = try? Fixtures.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: dir) }
        guard commandSucceeds(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path]) else { return false }
        return commandSucceeds(["umount", dir.path])
    }()

    /// A tmpfs of `size` at a fresh folder; unmount and remove it when done.
    struct Tmpfs {
        let dir: URL
        init(size: String) throws {
            dir = try Fixtures.temporaryDirectory()
            let r = try runCommand(["mount", "-t", "tmpfs", "-o", "size=\(size)", "tmpfs", dir.path])
            try #require(r.status == 0, "\(r.output)")
        }
        func remove() {
            _ = try? runCommand(["umount", dir.path])
            try? FileManager.default.removeItem(at: dir)
        }
    }

    /// An inbox of the first `months` months of the fixture inbox (plus the registry).
    func inbox(months: Int, in dir: URL) throws -> String {
        let src = Fixtures.path("inbox"), dst = dir.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: dst, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: src).sorted()
        for name in names where !name.hasPrefix("20") || names.filter({ $0.hasPrefix("20") }).prefix(months).contains(name) {
            try FileManager.default.copyItem(atPath: src + "/" + name, toPath: dst.appendingPathComponent(name).path)
        }
        return dst.path
    }

    func state(_ db: String) throws -> String {
        try runCommand(["sqlite3", db, "PRAGMA integrity_check; SELECT (SELECT COUNT(*) FROM file), (SELECT COUNT(*) FROM submission), (SELECT COUNT(*) FROM fact), (SELECT COUNT(*) FROM finding)"]).output
    }

    @Test(.enabled(if: canMount && commandSucceeds(["sqlite3", "-version"]), "needs root with mount (tmpfs) and sqlite3"))
    func diskFull() throws {
        let work = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let fs = try Tmpfs(size: "4m")
        defer { fs.remove() }
        let out = fs.dir.appendingPathComponent("out"), db = out.appendingPathComponent("parkstat.sqlite").path
        #expect(try CLI.run(["run", try inbox(months: 3, in: work), "--out", out.path]).status == 0)
        let before = try state(db)
        #expect(before.hasPrefix("ok\n"))
        // Fill the file system to the last block.
        _ = try runCommand(["dd", "if=/dev/zero", "of=\(fs.dir.path)/filler", "bs=64k"])
        let r = try CLI.run(["run", Fixtures.path("inbox"), "--out", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("磁盘空间不足"), "\(r.stderr)")
        // sqlite3 itself needs room for the WAL index: free the disk, then look.
        try FileManager.default.removeItem(atPath: fs.dir.path + "/filler")
        #expect(try state(db) == before, "the store keeps exactly what it had")
    }

    @Test(.enabled(if: canMount && commandSucceeds(["sqlite3", "-version"]), "needs root with mount (tmpfs) and sqlite3"))
    func readOnlyOutputFolder() throws {
        let work = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let fs = try Tmpfs(size: "16m")
        defer { fs.remove() }
        let inbox = Fixtures.path("inbox")
        let out = fs.dir.appendingPathComponent("out"), db = out.appendingPathComponent("parkstat.sqlite").path
        #expect(try CLI.run(["run", try self.inbox(months: 3, in: work), "--out", out.path]).status == 0)
        let before = try state(db)
        #expect(try runCommand(["mount", "-o", "remount,ro", fs.dir.path]).status == 0)
        // The store in the read-only folder…
        let r = try CLI.run(["run", inbox, "--out", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("只读"), "\(r.stderr)")
        // …and the store elsewhere, only the outputs in the read-only folder.
        let elsewhere = work.appendingPathComponent("store.sqlite").path
        let r2 = try CLI.run(["run", inbox, "--out", out.path, "--db", elsewhere])
        #expect(r2.status != 0)
        #expect(r2.stderr.contains("只读"), "\(r2.stderr)")
        #expect(try state(elsewhere).hasPrefix("ok\n"))
        // sqlite3 cannot open a WAL database on a read-only mount: make it writable, then look.
        #expect(try runCommand(["mount", "-o", "remount,rw", fs.dir.path]).status == 0)
        #expect(try state(db) == before, "the store keeps exactly what it had")
    }
}
