import Foundation
import Testing
import TestSupport

/// Every hostile workbook through the real binary (`parkstat dump`): it ends within 5 s and
/// 256 MiB, by a clean error naming the file (exit 2) or a correct partial dump (exit 0), never by
/// a signal. The whole folder is run: a fuzz crasher copied there is covered once it is listed in
/// `rejected` (or reads).
@Suite struct HostileBoundsTests {
    /// The rule each rejected fixture must report; a fixture not listed must read (exit 0).
    static let rejected: [String: String] = [
        "xxe.xlsx": "file.corrupt", "external-dtd.xlsx": "file.corrupt",
        "sheet-billion-laughs.xlsx": "file.corrupt", "sheet-quadratic.xlsx": "file.corrupt",
        "deep-nesting.xlsx": "file.corrupt", "beyond-grid.xlsx": "file.corrupt", "beyond-rows.xlsx": "file.corrupt",
        "invalid-utf8.xlsx": "file.corrupt", "nul-byte.xlsx": "file.corrupt", "nul-charref.xlsx": "file.corrupt",
        "zip-bomb.xlsx": "file.too_large",
    ]

    static var fixtures: [String] {
        let dir = Fixtures.reader("hostile")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".xlsx") }.sorted()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs GNU time (scripts/ensure-deps.sh)"),
          arguments: fixtures)
    func boundedAndClean(_ name: String) throws {
        let path = Fixtures.reader("hostile/" + name)
        // Sanitized builds are several times slower and map shadow memory; only the signal check is
        // meaningful there, the time and memory bounds apply to plain builds.
        let sanitized = CLI.binary.contains("/.build-asan/") || CLI.binary.contains("/.build-tsan/")
        let clock = ContinuousClock()
        let start = clock.now
        let r = try CLI.run(["dump", path], wrapper: ["/usr/bin/time", "-f", "PARKSTAT-MAXRSS-KB=%M"])
        let elapsed = clock.now - start
        let stderrLines = r.stderr.split(separator: "\n")
        let maxKB = stderrLines.last { $0.hasPrefix("PARKSTAT-MAXRSS-KB=") }.flatMap { Int($0.dropFirst(19)) }
        #expect(!r.stderr.contains("terminated by signal"), "\(name): \(r.stderr)")
        if !sanitized {
            #expect(elapsed < .seconds(5), "\(name) took \(elapsed)")
            #expect((maxKB ?? .max) < 256 << 10, "\(name) peaked at \(maxKB ?? -1) KiB")
        }
        #expect(!r.stdout.contains("root:") && !r.stderr.contains("root:"), "no local file content in any output")
        if let rule = HostileBoundsTests.rejected[name] {
            #expect(r.status == 2, "\(name): \(r.stderr)")
            #expect(r.stderr.contains(rule), "\(name): \(r.stderr)")
            #expect(r.stderr.contains(name), "the message names the file")
        } else {
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.contains(#""cell":"A1""#), "\(name): a correct partial dump")
        }
    }
}
