import Foundation
import Testing
import TestSupport
@testable import Rules

/// Runs when `fixtures/` exists (merged from the fixtures branch), or when PARKSTAT_FIXTURES
/// points at another checkout's fixtures folder; skipped with a message otherwise.
enum FixtureFiles {
    static var root: String? {
        let candidates = [ProcessInfo.processInfo.environment["PARKSTAT_FIXTURES"], Fixtures.path("")].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/messy/EXPECTED.tsv") }
    }

    static var available: Bool { root != nil }

    static func registry() throws -> Registry {
        let wb = try Validator.readWorkbook(root! + "/inbox/企业名录.xlsx")
        return try Registry.read(wb, schema: Grid.schema)
    }
}

@Suite(.enabled(if: FixtureFiles.available, "fixtures/messy/EXPECTED.tsv 不存在：合并 fixtures 分支后运行（或设 PARKSTAT_FIXTURES）"))
struct FixtureTests {
    @Test func messyFilesGiveExactlyTheExpectedFindings() throws {
        let root = FixtureFiles.root!
        let lines = try String(contentsOfFile: root + "/messy/EXPECTED.tsv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        var expected: [String: Set<String>] = [:]
        for l in lines where l.count >= 5 { expected[l[0], default: []].insert("\(l[1]) \(l[2]) \(l[3]) \(l[4])") }
        let validator = Validator(schema: Grid.schema, registry: try FixtureFiles.registry())
        for (file, want) in expected.sorted(by: { $0.key < $1.key }) {
            let report = validator.validate(file: root + "/messy/" + file, period: file.hasPrefix("2024-01/") ? "2024-01" : "2024-07")
            let got = Set(report.findings.filter { $0.rule != "unit.converted" }.map {
                "\($0.rule) \($0.sheet ?? "") \($0.cell?.description ?? "") \($0.severity.rawValue)"
            })
            #expect(got == want, "\(file): \(report.findings.map { "\($0.rule)@\($0.cell?.description ?? "-") \($0.message)" })")
        }
    }

    /// Labels, header readings and what title and metadata texts say, kept from earlier files
    /// (`LabelCache`), change no report: every fixture workbook, checked after all the others in
    /// either order, gets the report it gets from a validator that has seen nothing.
    @Test func keptLabelsAndHeadersChangeNoReport() throws {
        let root = FixtureFiles.root!
        let registry = try FixtureFiles.registry()
        let files = Validator.files(in: root + "/messy") + Validator.files(in: root + "/inbox")
        func digest(_ r: FileReport) -> String {
            "\(r.status) \(r.findings.map { "\($0.rule)@\($0.sheet ?? "")!\($0.cell?.description ?? "") \($0.message)" }) "
                + "\(r.submissions.map { s in "\(s.uscc) \(s.period) \(s.row) \(s.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.sorted { $0.key < $1.key })" })" })"
        }
        let cold = try files.map { try digest(Validator(schema: Schema.defaultSchema(), registry: registry).validate(file: $0, period: nil)) }
        for order in [files.indices.map { $0 }, files.indices.reversed()] {
            let schema = try Schema.defaultSchema()
            let warm = Validator(schema: schema, registry: registry)
            for i in order { #expect(digest(warm.validate(file: files[i], period: nil)) == cold[i], "\(files[i])") }
            let cache = schema.matcher.caches.take()
            #expect(cache.count > 100 && cache.headerCount > 5 && cache.declaredCount > 10 && cache.metadataCount > 10)
        }
    }

    @Test func inboxValidatesWithoutErrorsOrWarnings() throws {
        let root = FixtureFiles.root!
        let validator = Validator(schema: Grid.schema, registry: try FixtureFiles.registry())
        let report = validator.validate(paths: [root + "/inbox"], period: nil)
        #expect(report.files.count >= 80)
        for f in report.files {
            #expect(f.findings.allSatisfy { $0.severity == .info }, "\(f.path): \(f.findings.map { "\($0.rule)@\($0.sheet ?? "")!\($0.cell?.description ?? "-") \($0.message)" })")
            #expect(f.status == .accepted && !f.submissions.isEmpty, "\(f.path)")
            // The checker writes facts flat in sorted order (`Facts`): the same as sorting them afresh.
            for s in f.submissions { #expect(Array(s.values) == Array(Facts(s.facts)) && s.values.count >= 10, "\(f.path)") }
        }
        // The published July figures (fixtures/README.md).
        let july = report.submissions.filter { $0.period == "2024-07" }
        #expect(Set(july.map(\.uscc)).count == 13)
        let output = july.reduce(0) { $0 + ($1.facts["gross_output"]?["ytd"] ?? 0) }
        #expect(abs(output - 27_346.2) < 1e-6)
        #expect(july.reduce(0) { $0 + ($1.facts["employees_end"]?["end"] ?? 0) } == 868)
        #expect(july.reduce(0) { $0 + ($1.facts["party_members"]?["end"] ?? 0) } == 28)
    }
}
