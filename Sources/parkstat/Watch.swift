import ArgumentParser
import Foundation
import Logging
import Rules
import Store
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Set from the signal handler, read between files: a signal never cuts a file's import in half.
private let stopRequested = Atomic<Bool>(false)

extension Parkstat {
    /// Watches an inbox and handles each new or changed workbook once it has stopped changing.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "监视收件箱：新放入或改动的报表在写完后自动校验、入库，并更新该月的汇总和报表。",
            discussion: """
            每个文件输出一行结果（【通过】【退回】【跳过】）。出错的文件不会让监视停止。
            启动前已在收件箱中的文件不处理（请先运行 parkstat run）。Ctrl-C 或 SIGTERM：处理完当前文件后退出，退出码 0。
            """)

        @Argument(help: "收件箱目录：含月份目录（如 2024-07/）和企业名录 企业名录.xlsx。") var inbox: String
        @Option(help: "输出目录（默认 out）。") var out: String = "out"
        @Option(help: "企业名录（默认 收件箱/企业名录.xlsx）。") var registry: String?
        @Option(help: "数据库文件（默认 输出目录/parkstat.sqlite）。") var db: String?
        @Option(help: "自定义口径文件（YAML）。") var schema: String?
        @Option(help: "文件大小和修改时间保持不变多少秒后才处理（默认 2）。") var settle: Double = 2
        @Flag(help: "定时扫描目录，而不用 inotify（网络共享目录等）。") var poll = false
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            guard settle >= 0, settle <= 3600 else { throw ValidationError("--settle 应在 0 到 3600 秒之间。") }
        }

        func run() throws {
            let log = global.bootstrap()
            let inboxPath = Watch.absolute(inbox), outPath = Watch.absolute(out)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: inboxPath, isDirectory: &isDir), isDir.boolValue else {
                Console.error("parkstat: 找不到收件箱目录 \(inbox)")
                throw Exit.unreadable
            }
            let registryPath = Watch.absolute(registry ?? (inboxPath as NSString).appendingPathComponent("企业名录.xlsx"))
            let dbPath = Watch.absolute(db ?? (outPath as NSString).appendingPathComponent("parkstat.sqlite"))
            let (schemaValue, _) = try StoreCLI.load(schema: schema, registry: nil)
            do {
                // Creates the store (and its folder) now, so a bad --db fails at once, not at the first file.
                let (_, lock) = try StoreCLI.openStore(dbPath, directory: outPath)
                StoreCLI.removeStaleTemporaries(in: outPath)
                withExtendedLifetime(lock) {}
            }
            let processor = WatchProcessor(inbox: inboxPath, out: outPath, dbPath: dbPath, schema: schemaValue,
                                           registryPath: registryPath)
            if FileManager.default.fileExists(atPath: registryPath) { emit(processor.reloadRegistry(), log: log) }

            // A parent may have started us with these blocked (a child inherits the mask of the
            // thread that spawned it); blocked, they would never reach the handler.
            var stops = sigset_t()
            sigemptyset(&stops)
            sigaddset(&stops, SIGINT)
            sigaddset(&stops, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &stops, nil)
            signal(SIGINT) { _ in stopRequested.store(true, ordering: .relaxed) }
            signal(SIGTERM) { _ in stopRequested.store(true, ordering: .relaxed) }
            let source = makeSource(inboxPath, log: log)
            var settler = Settler(settle: settle)
            for f in regularFiles(under: inboxPath) { settler.baseline(f) }
            settler.baseline(registryPath)
            log.notice("正在监视 \(inbox)（\(source.name)；文件写完 \(settle) 秒后处理）。按 Ctrl-C 停止。")

            let ignored = { (p: String) -> Bool in
                WatchFilter.ignores(p) || p.hasPrefix(outPath + "/") || p.hasPrefix(dbPath)
                    || ((p as NSString).lastPathComponent == "企业名录.xlsx" && p != registryPath)
                    || p.hasSuffix(".md") || p.hasSuffix("/EXPECTED.tsv")
            }
            var handled = 0, rejected = 0
            let tick = max(0.02, min(0.25, settle / 4))
            while !stopRequested.load(ordering: .relaxed) {
                let changed = source.wait(timeout: settler.hasPending ? tick : 1)
                let now = monotonicSeconds()
                for p in changed where !ignored(p) {
                    log.debug("有变化：\(p)")
                    settler.touch(p, now: now)
                }
                settler.touch(registryPath, now: now)    // a stat: also covers a registry outside the inbox
                #if os(Linux)
                if let s = source as? InotifySource, s.rootGone {
                    Console.error("parkstat: 收件箱 \(inbox) 已被删除或移走，停止监视。")
                    throw Exit.unreadable
                }
                #endif
                // The registry first: files that settled with it are checked against the new list.
                let ready = settler.ready(now: now).sorted { ($0 == registryPath ? 0 : 1) < ($1 == registryPath ? 0 : 1) }
                for p in ready {
                    if stopRequested.load(ordering: .relaxed) { break }
                    let outcome = p == registryPath ? processor.reloadRegistry() : processor.process(p)
                    if case .busy = outcome {
                        log.warning("数据库正被其他 parkstat 进程使用，\(processor.relative(p)) 稍后再处理")
                        continue
                    }
                    settler.markHandled(p)
                    if case .line(_, let ok) = outcome {
                        handled += 1
                        if !ok { rejected += 1 }
                    }
                    emit(outcome, log: log)
                }
            }
            Console.summary("已停止监视：处理 \(handled) 个文件，其中 \(rejected) 个未通过。")
        }

        private func makeSource(_ root: String, log: Logger) -> ChangeSource {
            let interval = min(1, max(0.1, settle / 2))
            #if os(Linux)
            if !poll {
                if let s = InotifySource(root: root) { return s }
                let reason = String(cString: strerror(errno))
                log.warning("inotify 不可用（\(reason)），改为定时扫描")
            }
            #endif
            return PollingSource(root: root, interval: interval)
        }

        private func emit(_ outcome: WatchProcessor.Outcome, log: Logger) {
            guard case .line(let text, let ok) = outcome else { return }
            Console.writeAll(STDOUT_FILENO, Array((text + "\n").utf8))
            // Machines reading JSON logs get the line as an event too; people already see it on stdout.
            if global.logFormat == .json { log.notice("\(text)", metadata: ["ok": "\(ok)"]) }
        }

        static func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.path
        }
    }
}
