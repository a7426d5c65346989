import Foundation
import Testing
import TestSupport

/// Hostile workbooks inside a real inbox: `validate` and `run` reject them and go on, and the
/// local file an XXE or external DTD points at (/etc/passwd) appears in no output at all.
@Suite struct HostileRunTests {
    static let hostile = ["xxe.xlsx", "external-dtd.xlsx", "sheet-billion-laughs.xlsx", "zip-bomb.xlsx", "nul-byte.xlsx"]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/etc/passwd"), "needs /etc/passwd as the XXE target"))
    func noLocalFileContentInAnyOutput() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = dir.appendingPathComponent("inbox"), month = inbox.appendingPathComponent("2024-07")
        try FileManager.default.createDirectory(at: month, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.path("inbox/企业名录.xlsx"), toPath: inbox.appendingPathComponent("企业名录.xlsx").path)
        for name in HostileRunTests.hostile {
            try FileManager.default.copyItem(atPath: Fixtures.reader("hostile/" + name), toPath: month.appendingPathComponent(name).path)
        }
        let out = dir.appendingPathComponent("out")
        let validate = try CLI.run(["validate", month.path, "--registry", inbox.appendingPathComponent("企业名录.xlsx").path, "--format", "json"])
        let run = try CLI.run(["run", inbox.path, "--out", out.path])
        for r in [validate, run] {
            #expect(r.status == 1 || r.status == 0, "rejected files are findings, not a failure: \(r.stderr)")
            #expect(!r.stdout.contains("root:") && !r.stderr.contains("root:"))
        }
        for name in HostileRunTests.hostile { #expect(validate.stdout.contains(name)) }
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            #expect(data.range(of: Data("root:x:".utf8)) == nil, "\(name)")
        }
    }
}
