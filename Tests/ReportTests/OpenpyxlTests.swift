import Foundation
import Testing
import TestSupport
@testable import Report

/// The workbook as openpyxl sees it, through `scripts/report/check_outputs.py`. Skipped when
/// python3 or openpyxl is missing (`pip install openpyxl`).
@Suite struct OpenpyxlTests {
    static let available = commandSucceeds(["python3", "-c", "import openpyxl"])

    @Test(.enabled(if: available, "python3 或 openpyxl 未安装，跳过 openpyxl 检查"))
    func openpyxlSeesLayoutFormatsAndPrintSetup() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let paths = try ReportFiles.write(summary: SampleSummary.make(), to: dir.path)
        let script = Fixtures.repositoryRoot.appendingPathComponent("scripts/report/check_outputs.py").path
        let result = try runCommand(["python3", script, paths[0]])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "ok\n")
    }

    /// Writes the sample outputs where `scripts/report/check_html.sh` looks for them, when asked
    /// to through PARKSTAT_REPORT_SAMPLE_DIR (the default run only exercises the code).
    @Test func writesSampleForScripts() throws {
        guard let target = ProcessInfo.processInfo.environment["PARKSTAT_REPORT_SAMPLE_DIR"] else { return }
        try ReportFiles.write(summary: SampleSummary.make(), to: target)
    }
}
