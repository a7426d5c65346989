import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--log-format json`: one object per line on stderr (ts, level, label, message, metadata), so a
/// supervisor can collect the log without parsing Chinese prose.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line = JSONLogHandler.line(date: Date(), level: event.level, label: label,
                                       message: "\(event.message)", metadata: merged)
        Console.writeAll(STDERR_FILENO, Array((line + "\n").utf8))
    }

    /// The object for one event, keys in a fixed order so lines can be compared in tests.
    static func line(date: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        let out = OutputBuffer(fd: -1)
        out.write("{\"ts\":\"\(timestamp(date))\",\"level\":\"\(level.rawValue)\",\"label\":")
        out.writeJSONString(label)
        out.write(",\"message\":")
        out.writeJSONString(message)
        out.write(",\"metadata\":{")
        for (i, key) in metadata.keys.sorted().enumerated() {
            if i > 0 { out.write(",") }
            out.writeJSONString(key)
            out.write(":")
            out.writeJSONString("\(metadata[key]!)")
        }
        out.write("}}")
        return out.takeString()
    }

    /// UTC with milliseconds (ISO 8601); built by hand because ISO8601DateFormatter is not Sendable.
    static func timestamp(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var t = time_t(ms / 1000)
        var tm = tm()
        gmtime_r(&t, &tm)
        func pad(_ v: Int32, _ n: Int) -> String { String(repeating: "0", count: max(0, n - String(v).count)) + String(v) }
        return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1, 2))-\(pad(tm.tm_mday, 2))T"
            + "\(pad(tm.tm_hour, 2)):\(pad(tm.tm_min, 2)):\(pad(tm.tm_sec, 2)).\(pad(Int32(ms % 1000), 3))Z"
    }
}

/// Text for people: info and below print the bare message, warnings and errors say what they are.
/// On a terminal the line first clears a progress bar that may be drawn there; the bar redraws itself.
struct TextLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .notice
    var metadata: Logger.Metadata = [:]

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        var line = TextLogHandler.line(level: event.level, message: "\(event.message)", metadata: merged)
        if Console.stderrIsTerminal { line = "\r\u{1B}[K" + line }
        Console.writeAll(STDERR_FILENO, Array((line + "\n").utf8))
    }

    static func line(level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        let extra = metadata.keys.sorted().map { " \($0)=\(metadata[$0]!)" }.joined()
        switch level {
        case .trace, .debug, .info, .notice: return message + extra
        case .warning: return "parkstat: 警告：" + message + extra
        case .error, .critical: return (message.hasPrefix("parkstat: ") ? message : "parkstat: " + message) + extra
        }
    }
}
