import Foundation
import Testing
import TestSupport

/// `watch` as staff use it: files are copied into a running watcher's inbox (one slowly, in chunks,
/// as over a network share), the month's outputs appear and are right, a corrupt file is turned
/// away without stopping the watcher, and SIGTERM ends it with exit code 0.
@Suite(.serialized) struct WatchCommandTests {
    /// A running `parkstat watch` whose stdout and stderr are collected as they arrive.
    final class Watcher: @unchecked Sendable {    // the strings are only touched under `lock`
        let process = Process()
        private let lock = NSLock()
        private var out = Data(), err = Data()    // bytes: a read may end inside a character

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = arguments
            let o = Pipe(), e = Pipe()
            process.standardOutput = o
            process.standardError = e
            o.fileHandleForReading.readabilityHandler = { [weak self] h in self?.append(h.availableData, toErr: false) }
            e.fileHandleForReading.readabilityHandler = { [weak self] h in self?.append(h.availableData, toErr: true) }
            try process.run()
        }

        private func append(_ d: Data, toErr: Bool) {
            lock.lock()
            if toErr { err.append(d) } else { out.append(d) }
            lock.unlock()
        }

        var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: out, as: UTF8.self) }
        var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: err, as: UTF8.self) }

        /// Waits (bounded) until `condition` holds for what the watcher printed.
        func wait(seconds: Double = 20, until condition: (Watcher) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition(self) { return true }
                usleep(50_000)
            }
            return condition(self)
        }
    }

    /// Appends `data` in pieces with pauses shorter than the settle time, like a slow network copy.
    func copySlowly(_ data: Data, to url: URL, chunks: Int = 8, pause: Double = 0.12) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let size = (data.count + chunks - 1) / chunks
        for start in stride(from: 0, to: data.count, by: size) {
            try handle.write(contentsOf: data[start..<min(data.count, start + size)])
            usleep(UInt32(pause * 1_000_000))
        }
    }

    /// Once with inotify, once with the polling fallback.
    @Test(.timeLimit(.minutes(1)), arguments: [false, true]) func watchProcessesCopiedFilesAndSurvivesACorruptOne(poll: Bool) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inbox = dir.appendingPathComponent("inbox"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let watcher = try Watcher(["watch", inbox.path, "--out", out.path, "--settle", "0.3"] + (poll ? ["--poll"] : []))
        defer { if watcher.process.isRunning { kill(watcher.process.processIdentifier, SIGKILL) } }    // never leave one behind
        #expect(watcher.wait(seconds: 10) { $0.stderr.contains("正在监视 \(inbox.path)（" + (poll ? "轮询" : "inotify")) }, "\(watcher.stderr)")

        let fm = FileManager.default
        try fm.copyItem(atPath: Fixtures.path("inbox/企业名录.xlsx"), toPath: inbox.appendingPathComponent("企业名录.xlsx").path)
        #expect(watcher.wait { $0.stdout.contains("【名录】 企业名录.xlsx 已读取：25 家企业") }, "\(watcher.stdout)\(watcher.stderr)")

        let month = inbox.appendingPathComponent("2024-07")
        try fm.createDirectory(at: month, withIntermediateDirectories: true)
        let julyFiles = try fm.contentsOfDirectory(atPath: Fixtures.path("inbox/2024-07")).sorted()
        #expect(julyFiles.count == 10)
        try "".write(to: month.appendingPathComponent("~$巴中汇显光电有限公司-2024年7月.xlsx"), atomically: false, encoding: .utf8)
        for name in julyFiles.dropFirst() {
            try fm.copyItem(atPath: Fixtures.path("inbox/2024-07/\(name)"), toPath: month.appendingPathComponent(name).path)
        }
        let slow = julyFiles[0]
        try copySlowly(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("inbox/2024-07/\(slow)"))),
                       to: month.appendingPathComponent(slow))

        let passed = { (w: Watcher) in w.stdout.components(separatedBy: "【通过】 2024-07/").count - 1 }
        #expect(watcher.wait { passed($0) >= 10 }, "\(watcher.stdout)\(watcher.stderr)")
        #expect(watcher.stdout.contains("【通过】 2024-07/\(slow)"))
        #expect(!watcher.stdout.contains("~$"))
        let summary = try String(contentsOf: out.appendingPathComponent("summary-2024-07.json"), encoding: .utf8)
        #expect(summary.contains(#""gross_output":{"cur":4495.65,"ytd":27346.2}"#), "\(summary.prefix(400))")
        #expect(summary.contains(#""missing":["91511903PDY000036Y"]"#))
        #expect(fm.fileExists(atPath: out.appendingPathComponent("园区经济运行月报-2024-07.html").path))
        #expect(fm.fileExists(atPath: out.appendingPathComponent("园区经济运行月报-2024-07.xlsx").path))

        try fm.copyItem(atPath: Fixtures.path("messy/truncated.xlsx"), toPath: month.appendingPathComponent("truncated.xlsx").path)
        #expect(watcher.wait { $0.stdout.contains("【退回】 2024-07/truncated.xlsx 错误 1 条") }, "\(watcher.stdout)")
        #expect(watcher.process.isRunning)

        // Still watching after the bad file: a file for another month goes through.
        let june = inbox.appendingPathComponent("2024-06")
        try fm.createDirectory(at: june, withIntermediateDirectories: true)
        let juneFile = "巴中汇显光电有限公司-2024年6月.xlsx"
        try fm.copyItem(atPath: Fixtures.path("inbox/2024-06/\(juneFile)"), toPath: june.appendingPathComponent(juneFile).path)
        #expect(watcher.wait { $0.stdout.contains("【通过】 2024-06/\(juneFile)") }, "\(watcher.stdout)")
        #expect(fm.fileExists(atPath: out.appendingPathComponent("summary-2024-06.json").path))

        watcher.process.terminate()    // SIGTERM
        let stopped = watcher.wait(seconds: 10) { !$0.process.isRunning }
        #expect(stopped, "\(watcher.stderr)")
        guard stopped else { return }    // Process traps on terminationReason while the child runs
        #expect(watcher.process.terminationReason == .exit)
        #expect(watcher.process.terminationStatus == 0)
        #expect(watcher.wait(seconds: 2) { $0.stderr.contains("已停止监视") }, "\(watcher.stderr)")
    }
}
