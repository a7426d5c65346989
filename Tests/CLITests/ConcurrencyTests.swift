import Foundation
import Testing
import TestSupport

/// Two `run` processes on one output folder: the store's lock lets one import at a time; the other
/// waits (up to 5 s) or stops with exit 2 and a clear message, never imports alongside.
@Suite(.serialized) struct ConcurrencyTests {
    static let lockedMessage = "另一个 parkstat 进程正在使用数据库"

    func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    func finish(_ p: (Process, Pipe)) -> (status: Int32, stderr: String) {
        let data = p.1.fileHandleForReading.readDataToEndOfFile()
        p.0.waitUntilExit()
        return (p.0.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The figures of an output folder: every summary JSON, and the store's row counts.
    func figures(_ out: URL) throws -> [String: String] {
        var f: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasPrefix("summary-") {
            f[name] = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }
        f["rows"] = try runCommand(["sqlite3", out.appendingPathComponent("parkstat.sqlite").path,
                                    "SELECT (SELECT COUNT(*) FROM file), (SELECT COUNT(*) FROM submission), (SELECT COUNT(*) FROM fact), (SELECT COUNT(*) FROM finding)"]).output
        return f
    }

    func integrity(_ out: URL) throws -> String {
        try runCommand(["sqlite3", out.appendingPathComponent("parkstat.sqlite").path, "PRAGMA integrity_check"]).output
    }

    @Test(.enabled(if: commandSucceeds(["sqlite3", "-version"]), "needs sqlite3"))
    func twoRunsAtOnce() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = Fixtures.path("inbox")
        let reference = dir.appendingPathComponent("reference"), out = dir.appendingPathComponent("out")
        #expect(try CLI.run(["run", inbox, "--out", reference.path]).status == 0)
        let expected = try figures(reference)

        let a = try start(["run", inbox, "--out", out.path])
        let b = try start(["run", inbox, "--out", out.path])
        let results = [finish(a), finish(b)]
        #expect(results.contains { $0.status == 0 }, "\(results)")
        for r in results where r.status != 0 {
            #expect(r.status == 2 && r.stderr.contains(ConcurrencyTests.lockedMessage), "\(r)")
        }
        #expect(try integrity(out) == "ok\n")
        #expect(try figures(out) == expected)
    }

    /// A run that cannot get the lock in time says so and leaves the store alone.
    @Test(.enabled(if: commandSucceeds(["sqlite3", "-version"]) && commandSucceeds(["flock", "--version"]), "needs sqlite3 and flock"))
    func aRunThatCannotGetTheLockStopsClearly() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = Fixtures.path("inbox"), out = dir.appendingPathComponent("out")
        #expect(try CLI.run(["run", inbox, "--out", out.path]).status == 0)
        let before = try figures(out)
        // Another process holds the lock for longer than a run waits for it.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", out.appendingPathComponent("parkstat.sqlite.lock").path, "sleep", "8"]
        try holder.run()
        defer { holder.terminate(); holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.5)
        let r = try CLI.run(["run", inbox, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains(ConcurrencyTests.lockedMessage), "\(r.stderr)")
        #expect(try integrity(out) == "ok\n")
        #expect(try figures(out) == before)
    }
}
