import Foundation
import Testing
import TestSupport

/// `parkstat template`: the blank template, the per-enterprise copies, and the round trip through
/// `validate` after an enterprise fills it in (filled with openpyxl, as another program would).
@Suite struct TemplateCommandTests {
    static let registry = Fixtures.path("inbox/企业名录.xlsx")
    static let filler = Fixtures.repositoryRoot.appendingPathComponent("scripts/template/fill_template.py").path

    static var hasOpenpyxl: Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import openpyxl"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    func fill(_ src: String, _ dst: String, skip: [String] = []) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", Self.filler, src, dst] + (skip.isEmpty ? [] : ["--skip", skip.joined(separator: ",")])
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
    }

    /// (rule, cell) of every finding of `validate --format json`.
    func findings(_ paths: [String], period: String = "2024-07") throws -> (status: Int32, [(String, String?)]) {
        let r = try CLI.run(["validate"] + paths + ["--registry", Self.registry, "--period", period, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let files = json["files"] as! [[String: Any]]
        let all = files.flatMap { ($0["findings"] as! [[String: Any]]).map { ($0["rule"] as! String, $0["cell"] as? String) } }
        return (r.status, all)
    }

    @Test func blankWideTemplate() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("模板.xlsx").path
        let r = try CLI.run(["template", "--period", "2024-07", "-o", out])
        #expect(r.status == 0)
        #expect(r.stdout == "已生成 2024年7月 月报模板：\(out)\n")
        let dump = try CLI.run(["dump", out, "--format", "csv"])
        let lines = Set(dump.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("月报,A1,s,巴中临港产业园企业月度统计报表"))
        #expect(lines.contains("月报,A2,s,报告期：2024年7月"))
        #expect(lines.contains("月报,A3,s,单位：万元"))
        #expect(lines.contains("月报,A4,s,统一社会信用代码"))
        #expect(lines.contains("月报,B4,s,企业名称"))
        #expect(lines.contains("说明,A1,s,填表说明"))
        #expect(lines.contains("基本情况,C2,s,主导产业"))
        // An unfilled template is not a submission: no rows, no findings.
        let (status, found) = try findings([out])
        #expect(status == 0)
        #expect(found.isEmpty)
    }

    @Test func defaultPeriodIsLastMonth() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        let (y, m) = c.month! == 1 ? (c.year! - 1, 12) : (c.year!, c.month! - 1)
        let r = try CLI.run(["template", "--layout", "long", "-o", dir.appendingPathComponent("t.xlsx").path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\(y)年\(m)月"))
        let dump = try CLI.run(["dump", dir.appendingPathComponent("t.xlsx").path, "--sheet", "月报", "--format", "csv"])
        #expect(dump.stdout.contains(String(format: "月报,B4,s,%d-%02d\n", y, m)))
    }

    @Test func oneTemplatePerProducingEnterprise() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("待发").path
        let r = try CLI.run(["template", "--registry", Self.registry, "--period", "2024-07", "-o", out])
        #expect(r.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 14)
        #expect(files.allSatisfy { $0.hasSuffix("-2024年7月.xlsx") })
        #expect(files.contains("巴中芯泓电子科技有限公司-2024年7月.xlsx"))
        #expect(r.stdout.hasSuffix("已为 14 家投产企业生成 2024年7月 月报模板，保存在 \(out)\n"))
        let dump = try CLI.run(["dump", out + "/巴中芯泓电子科技有限公司-2024年7月.xlsx", "--sheet", "月报", "--format", "csv"])
        #expect(dump.stdout.contains("月报,B5,s,巴中芯泓电子科技有限公司\n"))
        // Sent out as is, each reads back with only the missing values reported.
        let (status, found) = try findings([out])
        #expect(status == 1)
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.0 == "value.required" })
    }

    @Test(.enabled(if: TemplateCommandTests.hasOpenpyxl), arguments: ["wide", "long"])
    func filledTemplateValidates(layout: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        #expect(try CLI.run(["template", "--registry", Self.registry, "--layout", layout, "--period", "2024-07", "-o", out]).status == 0)
        let blank = out + "/巴中芯泓电子科技有限公司-2024年7月.xlsx"
        let full = dir.appendingPathComponent("full/巴中芯泓电子科技有限公司-2024年7月.xlsx").path
        let part = dir.appendingPathComponent("part/巴中芯泓电子科技有限公司-2024年7月.xlsx").path
        for d in ["full", "part"] { try FileManager.default.createDirectory(at: dir.appendingPathComponent(d), withIntermediateDirectories: true) }
        try fill(blank, full)
        try fill(blank, part, skip: ["实缴税金", "从业人员期末人数"])
        let (status, found) = try findings([full])
        #expect(status == 0)
        #expect(found.isEmpty, "\(found)")
        let (partStatus, partFound) = try findings([part])
        #expect(partStatus == 1)
        #expect(partFound.map(\.0) == ["value.required", "value.required", "value.required"], "\(partFound)")
    }

    @Test func badArguments() throws {
        #expect(try CLI.run(["template", "--period", "2024-13", "-o", "/tmp/x.xlsx"]).status == 64)
        #expect(try CLI.run(["template", "--layout", "tall", "-o", "/tmp/x.xlsx"]).status == 64)
        #expect(try CLI.run(["template", "-o", "/tmp/x.csv"]).status == 64)
        #expect(try CLI.run(["template"]).status == 64)
        let missing = try CLI.run(["template", "--registry", "/nonexistent/企业名录.xlsx", "-o", "/tmp/parkstat-never"])
        #expect(missing.status == 2)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/parkstat-never"))
    }
}
