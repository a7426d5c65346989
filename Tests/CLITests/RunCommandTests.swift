import Foundation
import Testing
import TestSupport

/// `run`, `ingest` and `report` on a copy of the fixture inbox (the inbox itself is never written to).
@Suite(.serialized) struct RunCommandTests {
    func inboxCopy() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.path("inbox"), toPath: dir.appendingPathComponent("inbox").path)
        return dir
    }

    func outputs(_ out: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where !name.hasPrefix("parkstat.sqlite") {
            files[name] = try Data(contentsOf: out.appendingPathComponent(name))
        }
        return files
    }

    func counts(_ db: String) throws -> String {
        try runCommand(["sqlite3", db, "SELECT (SELECT COUNT(*) FROM file), (SELECT COUNT(*) FROM submission), (SELECT COUNT(*) FROM fact), (SELECT COUNT(*) FROM finding), (SELECT COUNT(*) FROM registry_entry); PRAGMA integrity_check;"]).output
    }

    @Test func runWritesEveryPeriodAndARerunChangesNothing() throws {
        let dir = try inboxCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = dir.appendingPathComponent("inbox").path, out = dir.appendingPathComponent("out")
        let r = try CLI.run(["run", inbox, "--out", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let first = try outputs(out)
        let months = ["2023-12"] + (1...7).map { "2024-0\($0)" }
        // Per period: summary JSON, the consolidated workbook, the HTML report and the CSV tables.
        for m in months {
            for name in ["summary-\(m).json", "园区经济运行月报-\(m).xlsx", "园区经济运行月报-\(m).html", "汇总-\(m).csv", "催报名单-\(m).csv"] {
                #expect(first[name] != nil, "\(name)")
            }
        }
        #expect(first["validation.json"] != nil)
        #expect(r.stdout.contains("巴中临港产业园 2024年7月：应报 14 家，已报 13 家"), "\(r.stdout)")
        #expect(r.stdout.contains("巴中启辰智能终端有限公司"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("parkstat.sqlite").path))
        // The store was closed before the process ended: no WAL is left, the database file alone holds everything.
        for name in ["parkstat.sqlite-wal", "parkstat.sqlite-shm"] {
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let july = String(decoding: first["summary-2024-07.json"]!, as: UTF8.self)
        #expect(july.contains(#""ytd":27346.2}"#) && july.contains(#""missing":["91511903PDY000036Y"]"#))
        let validation = String(decoding: first["validation.json"]!, as: UTF8.self)
        #expect(validation.contains(#""summary":{"files":87,"accepted":87,"rejected":0,"skipped":0,"errors":0,"warnings":0}"#))
        let db = out.appendingPathComponent("parkstat.sqlite").path
        let before = try counts(db)
        #expect(before.hasSuffix("ok\n"))

        let again = try CLI.run(["run", inbox, "--out", out.path])
        #expect(again.status == 0)
        #expect(try outputs(out) == first)
        #expect(try counts(db) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        // `report` recomputes a period from the store alone, byte for byte.
        let other = dir.appendingPathComponent("report")
        let rep = try CLI.run(["report", "--period", "2024-07", "--db", db, "--out", other.path])
        #expect(rep.status == 0, "\(rep.stderr)")
        #expect(try Data(contentsOf: other.appendingPathComponent("summary-2024-07.json")) == first["summary-2024-07.json"])
    }

    @Test func ingestSkipsACopyUnderAnotherName() throws {
        let dir = try inboxCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let month = dir.appendingPathComponent("inbox/2024-07")
        let db = dir.appendingPathComponent("s.sqlite").path
        let registry = dir.appendingPathComponent("inbox/企业名录.xlsx").path
        let r = try CLI.run(["ingest", month.path, "--db", db, "--registry", registry, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        try FileManager.default.copyItem(at: month.appendingPathComponent("巴中瀚微电子元件有限公司-2024年7月.xlsx"),
                                         to: month.appendingPathComponent("重发.xlsx"))
        let before = try counts(db)
        let again = try CLI.run(["ingest", month.appendingPathComponent("重发.xlsx").path, "--db", db, "--registry", registry,
                                 "--format", "json"])
        #expect(again.status == 0)
        #expect(again.stdout.contains(#""rule":"file.duplicate""#))
        #expect(again.stdout.contains(#""status":"skipped""#))
        #expect(try counts(db) == before)
    }

    @Test func aSecondProcessStopsWithAClearMessage() throws {
        let dir = try inboxCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Another holder of the store's lock, for longer than parkstat is willing to wait.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["flock", out.appendingPathComponent("parkstat.sqlite.lock").path, "sleep", "15"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.5)
        let r = try CLI.run(["run", dir.appendingPathComponent("inbox").path, "--out", out.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("另一个 parkstat 进程正在使用数据库"))
    }

    @Test func missingInboxAndBadPeriod() throws {
        #expect(try CLI.run(["run", "/nonexistent/inbox"]).status == 2)
        #expect(try CLI.run(["report", "--period", "2024-13"]).status == 64)
        let r = try CLI.run(["report", "--period", "2024-07", "--db", "/nonexistent/x.sqlite", "--out", "/tmp"])
        #expect(r.status == 2)
    }
}
