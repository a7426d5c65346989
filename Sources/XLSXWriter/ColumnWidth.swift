/// Column widths for CJK text. Excel measures widths in digits of the default font; a Chinese
/// character, drawn by a fallback CJK font, is about two digits wide.
public enum ColumnWidth {
    /// Display width in digit units: East Asian wide and fullwidth characters count 2, others 1.
    public static func displayWidth(_ s: String) -> Int {
        var width = 0
        for scalar in s.unicodeScalars {
            if scalar.value < 0x1100 { width += 1 } else { width += isWide(scalar.value) ? 2 : 1 }
        }
        return width
    }

    /// A column width that shows `displayWidth` characters with a little padding, within bounds.
    public static func fitted(displayWidth: Int, minimum: Double = 8, maximum: Double = 60) -> Double {
        min(max(Double(displayWidth) + 2, minimum), maximum)
    }

    /// East Asian Width W or F (Unicode UAX #11), by the blocks that matter in practice.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
