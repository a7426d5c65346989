import ArgumentParser
import Logging

/// Options every long-running command shares. Logs and progress go to stderr, so stdout stays the
/// command's result (a report, JSON, the per-file lines of `watch`) whatever is chosen here.
struct GlobalOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "只输出错误：不显示进度条和结束时的汇总行。") var quiet = false
    @Flag(name: [.short, .long], help: "显示详细过程（逐月、逐个文件的日志）。") var verbose = false
    @Option(name: .customLong("log-format"), help: "日志格式：text（给人看）或 json（每行一个 JSON 对象，给程序读）。")
    var logFormat: LogFormat = .text

    enum LogFormat: String, ExpressibleByArgument, Sendable { case text, json }

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet 与 --verbose 不能同时使用。") }
    }

    var logLevel: Logger.Level { quiet ? .error : verbose ? .debug : .notice }

    /// Installs the log handler for this process and routes `Console` messages through it, so that
    /// with `--log-format json` nothing on stderr but JSON lines and the progress bar remains.
    /// Called once, at the start of a command's `run()`.
    func bootstrap(label: String = "parkstat") -> Logger {
        let format = logFormat, level = logLevel
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == .json ? JSONLogHandler(label: label) : TextLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: label)
        Console.configure(logger: format == .json ? logger : nil, quiet: quiet)
        return logger
    }

    /// A progress bar over `total` files: drawn only on a terminal and never with `--quiet`.
    func progress(total: Int, noun: String = "个文件") -> ProgressBar {
        ProgressBar(total: total, enabled: !quiet && Console.stderrIsTerminal, noun: noun)
    }
}
