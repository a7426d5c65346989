import Foundation
import Testing
import TestSupport

/// `--quiet`, `--verbose`, `--log-format json`, and what long commands print when stderr is not a
/// terminal (CLI tests never run on one): no progress bar, only the closing summary.
@Suite(.serialized) struct GlobalOptionsTests {
    func withTemporary<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    @Test func runPrintsOnlyTheSummaryWhenNotATerminal() throws {
        try withTemporary { dir in
            let r = try CLI.run(["run", Fixtures.path("inbox"), "--out", dir.appendingPathComponent("out").path])
            #expect(r.status == 0, "\(r.stderr)")
            let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty, "\(r.stderr)")
            #expect(r.stderr.hasPrefix("共 8 个月份、87 个文件：通过 87，退回 0，跳过 0；"))
            #expect(!r.stderr.contains("\r") && !r.stderr.contains("\u{1B}"))
        }
    }

    @Test func quietLeavesStderrEmptyButKeepsTheResult() throws {
        try withTemporary { dir in
            let r = try CLI.run(["validate", Fixtures.path("inbox/2024-07"), "--registry", Fixtures.path("inbox/企业名录.xlsx"),
                                 "--format", "json", "--quiet"])
            #expect(r.status == 0)
            #expect(r.stderr.isEmpty, "\(r.stderr)")
            #expect(r.stdout.contains(#""accepted":10"#))
            let v = try CLI.run(["validate", Fixtures.path("inbox/2024-07"), "--registry", Fixtures.path("inbox/企业名录.xlsx"),
                                 "--format", "json"])
            #expect(v.stderr == "共 10 个文件：通过 10，退回 0，跳过 0；错误 0 条，警告 0 条\n")
            let both = try CLI.run(["inspect", Fixtures.path("messy/empty.xlsx"), "-q", "-v"])
            #expect(both.status == 64)
        }
    }

    @Test func jsonLogIsOneObjectPerLine() throws {
        try withTemporary { dir in
            let r = try CLI.run(["run", Fixtures.path("inbox"), "--out", dir.appendingPathComponent("out").path,
                                 "--verbose", "--log-format", "json"])
            #expect(r.status == 0)
            let lines = r.stderr.split(separator: "\n").map(String.init)
            #expect(lines.count == 10, "\(r.stderr)")    // 8 months, the phase timings, the summary
            for line in lines {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect(object?["label"] as? String == "parkstat")
                #expect((object?["ts"] as? String)?.hasSuffix("Z") == true)
                #expect(object?["metadata"] is [String: Any])
            }
            #expect(lines[0].contains(#""level":"info","label":"parkstat","message":"2023-12：11 个文件，"#))
            #expect(lines.last!.contains(#""level":"notice","label":"parkstat","message":"共 8 个月份、87 个文件"#))

            let missing = try CLI.run(["ingest", dir.appendingPathComponent("没有").path, "--log-format", "json"])
            #expect(missing.status == 2)
            #expect(missing.stderr.contains(#""level":"error","label":"parkstat","message":"找不到 "#), "\(missing.stderr)")
        }
    }
}
