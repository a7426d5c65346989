import Foundation
import Testing
import TestSupport

/// writer → openpyxl, through `scripts/writer/check_openpyxl.py`. Skipped when python3 or
/// openpyxl is missing (`pip install openpyxl`).
@Suite struct OpenpyxlTests {
    static let available: Bool = (try? run(["python3", "-c", "import openpyxl"]).status) == 0

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) { try runCommand(arguments) }

    @Test(.enabled(if: available, "python3 或 openpyxl 未安装，跳过 openpyxl 往返测试"))
    func openpyxlReadsValuesTypesMergesFormatsAndValidations() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sample.xlsx").path
        try SampleWorkbook.make(at: path, rows: 50)
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/writer/check_openpyxl.py").path
        let result = try Self.run(["python3", script, path, "50"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "ok\n")
    }

    /// Writes the sample where `scripts/writer/check_libreoffice.sh` looks for it, when asked to
    /// through PARKSTAT_WRITER_SAMPLE (the script sets it; the default run only exercises the code).
    @Test func writesSampleForScripts() throws {
        let target = ProcessInfo.processInfo.environment["PARKSTAT_WRITER_SAMPLE"]
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SampleWorkbook.make(at: target ?? dir.appendingPathComponent("sample.xlsx").path)
    }
}
