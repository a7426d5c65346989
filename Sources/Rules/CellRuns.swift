/// Findings in a row that differ only in their cell, shown as one naming every cell: a sheet in
/// 千元 gives the same note for each of its figures, a screenful for one file. For the reports
/// people read (validate's text, the HTML page); the JSON, CSV and workbook keep one per cell.
public enum CellRuns {
    /// `items` in order, each run of neighbours that have a cell and that `same` pairs as one
    /// item (the first) with the cells of all; an item without a cell stands alone, with none.
    public static func collapse<Item, Cell>(_ items: [Item], cell: (Item) -> Cell?,
                                            same: (Item, Item) -> Bool) -> [(item: Item, cells: [Cell])] {
        var out: [(item: Item, cells: [Cell])] = []
        for item in items {
            if let c = cell(item), let last = out.last, cell(last.item) != nil, same(last.item, item) {
                out[out.count - 1].cells.append(c)
            } else {
                out.append((item, cell(item).map { [$0] } ?? []))
            }
        }
        return out
    }
}
