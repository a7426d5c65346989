import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files done out of a known total, drawn on one stderr line that redraws in place. Workers on
/// any thread call `advance`; drawing is throttled to ~10 times a second so a thousand tiny files
/// do not cost a thousand terminal writes. Disabled (not a terminal, `--quiet`) it draws nothing.
final class ProgressBar: Sendable {
    private struct State {
        var done = 0
        var current = ""
        var lastDraw = -1.0
        var drawn = false
    }

    let total: Int
    let enabled: Bool
    let noun: String
    private let started = monotonicSeconds()
    private let state = Mutex(State())

    init(total: Int, enabled: Bool, noun: String = "个文件") {
        self.total = total
        self.enabled = enabled
        self.noun = noun
    }

    /// One more file finished; `file` is shown as the current one.
    func advance(_ file: String) {
        guard enabled else { return }
        state.withLock { s in
            s.done += 1
            s.current = file
            let now = monotonicSeconds()
            guard now - s.lastDraw >= 0.1 || s.done == total else { return }
            s.lastDraw = now
            s.drawn = true
            let line = ProgressBar.line(done: s.done, total: total, elapsed: now - started, current: s.current,
                                        width: ProgressBar.terminalColumns(), noun: noun)
            Console.writeAll(STDERR_FILENO, Array(("\r" + line + "\u{1B}[K").utf8))
        }
    }

    /// Clears the bar, so the summary that follows starts on a clean line.
    func finish() {
        guard enabled else { return }
        state.withLock { s in
            if s.drawn { Console.writeAll(STDERR_FILENO, Array("\r\u{1B}[K".utf8)) }
            s.drawn = false
        }
    }

    private static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

extension ProgressBar {
    /// `[=====>    ] 已处理 n/N 个文件 · x 个/秒 · 剩余约 m 秒 · 当前：文件名`, cut to `width - 1`
    /// display columns (a line filling the last column wraps on some terminals).
    static func line(done: Int, total: Int, elapsed: Double, current: String, width: Int, noun: String = "个文件") -> String {
        var parts = ["\(bar(done: done, total: total)) 已处理 \(done)/\(total) \(noun)"]
        if done > 0, elapsed > 0 {
            let rate = Double(done) / elapsed
            parts.append("\(formatRate(rate)) 个/秒")
            if done < total { parts.append("剩余约 \(formatETA(Double(total - done) / rate))") }
        }
        if !current.isEmpty { parts.append("当前：" + lastComponent(current)) }
        return truncate(parts.joined(separator: " · "), toColumns: max(10, width - 1))
    }

    static func bar(done: Int, total: Int, cells: Int = 20) -> String {
        let filled = total > 0 ? min(cells, done * cells / total) : cells
        let head = filled < cells && filled > 0 ? ">" : ""
        let body = String(repeating: "=", count: filled - head.count)
        return "[" + body + head + String(repeating: " ", count: cells - filled) + "]"
    }

    static func formatRate(_ rate: Double) -> String {
        rate >= 10 ? String(Int(rate.rounded())) : String(Double(Int((rate * 10).rounded())) / 10)
    }

    /// Whole seconds under a minute, then minutes and seconds, then hours and minutes.
    static func formatETA(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) 秒" }
        if s < 3600 { return "\(s / 60) 分 \(s % 60) 秒" }
        return "\(s / 3600) 小时 \(s % 3600 / 60) 分"
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Cuts to at most `columns` display columns, counting CJK and fullwidth characters as two,
    /// and ends a cut line with "..." (ASCII: "…" is one column on some terminals and two on others).
    static func truncate(_ text: String, toColumns columns: Int) -> String {
        guard displayWidth(text) > columns else { return text }
        var out = "", used = 0
        for ch in text {
            let w = displayWidth(ch)
            if used + w > columns - 3 { break }
            out.append(ch)
            used += w
        }
        return out + "..."
    }

    static func displayWidth(_ text: String) -> Int { text.reduce(0) { $0 + displayWidth($1) } }

    static func displayWidth(_ ch: Character) -> Int {
        guard let v = ch.unicodeScalars.first?.value else { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }
}
