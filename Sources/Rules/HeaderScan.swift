import SheetModel

/// One recognised header column.
struct HeaderColumn {
    var column: UInt16
    var field: FieldSpec
    var part: Part?
    /// The header cell that decided the field part (the child in a two-row header).
    var cell: CellRef
    var unit: Unit?
    var unitCell: CellRef?
}

/// The header found in a sheet: one row, or two with merged parents over their parts (§4).
struct HeaderScan {
    var firstRow: UInt32
    var lastRow: UInt32
    var columns: [HeaderColumn]
    /// Labels that map to nothing and are not ignorable.
    var unknown: [(cell: CellRef, label: String)]
    /// Child cells whose unit contradicts their merged parent's.
    var unitConflicts: [CellRef] = []
    /// Distinct fields among the columns, counted once the columns are known.
    private(set) var score = 0

    /// The row within the first 20 with the best alias score; nil when nothing matches.
    static func find(in grid: SheetGrid, ignored: Set<LabelKey>) -> HeaderScan? {
        let rows = grid.sheet.rows
        var best: HeaderScan?
        for (i, row) in rows.enumerated() {
            guard row.index < 20 else { break }
            let next = i + 1 < rows.count && rows[i + 1].index == row.index + 1 ? i + 1 : nil
            // Data rows under the header cannot win: skip them before matching any of their cells.
            if let best, columnBound(grid, row: i, next: next) <= best.score { continue }
            let hasChild = next.map { n in rows[n].cells.indices.contains { grid.part(n, $0) != nil } } ?? false
            // A column is only ever added for a label that matches a field: without one, both
            // readings of this row score 0 and can never be chosen.
            guard anyMatch(grid, row: i) || hasChild && rows[i + 1].cells.indices.contains(where: { grid.match(i + 1, $0) != nil })
            else { continue }
            let o = reading(grid, row, child: hasChild ? rows[i + 1] : nil, ignored: ignored)
            if o.score > 0, best == nil || (o.score, o.columns.count) > (best!.score, best!.columns.count) { best = o }
        }
        return best
    }

    /// At most one column per text cell of the row and of the row below, and per column under a
    /// merged area over the row. A reading's score is at most its column count, and a row wins
    /// only with a higher score, or an equal one and more columns than the best's score.
    private static func columnBound(_ grid: SheetGrid, row r: Int, next: Int?) -> Int {
        func texts(_ row: Row) -> Int { row.cells.reduce(0) { n, cell in if case .text = cell.value { n + 1 } else { n } } }
        let rows = grid.sheet.rows, index = rows[r].index
        var n = texts(rows[r]) + (next.map { texts(rows[$0]) } ?? 0)
        for m in grid.merges where m.first.row <= index && m.last.row >= index { n += Int(m.last.column - m.first.column) + 1 }
        return n
    }

    /// Whether a parent label `interpret` would read for row `r` (its cells, and merged areas
    /// over it) matches a field.
    private static func anyMatch(_ grid: SheetGrid, row r: Int) -> Bool {
        let row = grid.sheet.rows[r]
        if row.cells.indices.contains(where: { grid.match(r, $0) != nil }) { return true }
        return grid.merges.contains { range in
            range.first.row <= row.index && range.last.row >= row.index
                && grid.position(range.first).map { grid.match($0.row, $0.cell) != nil } == true
        }
    }

    /// The better reading of `row`: alone, or with `child` (when given) as the row of parts under
    /// it, which wins only with a higher (score, columns), as when the two were compared one after
    /// the other. From the grid's cache when a sheet read before had the same header: what the
    /// key of the two rows holds decides both readings, so one entry keeps the choice.
    private static func reading(_ grid: SheetGrid, _ row: Row, child: Row?, ignored: Set<LabelKey>) -> HeaderScan {
        func choose() -> HeaderScan {
            let single = interpret(grid, row, child: nil, ignored: ignored)
            guard let child else { return single }
            let pair = interpret(grid, row, child: child, ignored: ignored)
            let pairWins = pair.score > 0 && (single.score == 0 || (pair.score, pair.columns.count) > (single.score, single.columns.count))
            return pairWins ? pair : single
        }
        guard let cache = grid.cache else { return choose() }
        return cache.header(HeaderKey(grid, row, child: child), choose)
    }

    static func interpret(_ grid: SheetGrid, _ row: Row, child: Row?, ignored: Set<LabelKey>) -> HeaderScan {
        // Sorted with repeats; repeats are skipped below. Merged parents spread over columns that
        // hold no cell of their own.
        var columnsSeen = row.cells.map(\.column)
        if let child { columnsSeen += child.cells.map(\.column) }
        for range in grid.merges where range.first.row <= row.index && range.last.row >= row.index {
            columnsSeen += range.first.column...range.last.column
        }
        columnsSeen.sort()
        var out = HeaderScan(firstRow: row.index, lastRow: child?.index ?? row.index, columns: [], unknown: [])
        out.columns.reserveCapacity(columnsSeen.count)    // at most one per column: growing it cost more than the rest of a column
        var reportedUnknown: [CellRef] = []
        var carried: (field: FieldSpec, cell: CellRef, unit: Unit?)?
        var previous: UInt16?
        for c in columnsSeen where c != previous {
            previous = c
            let parentRef = grid.origin(CellRef(row: row.index, column: c))
            let parent = grid.textCell(parentRef)
            let childRef = child.map { CellRef(row: $0.index, column: c) }
            let childCell = childRef.flatMap { grid.isMergedCover($0) ? nil : grid.textCell($0) }
            let parentText = parent?.text, childText = childCell?.text
            let p = parent?.label, ch = childCell?.label

            func add(_ field: FieldSpec, _ part: Part?, cell: CellRef, unit: Unit?, unitCell: CellRef?) {
                guard field.kind.isNumeric else {
                    out.columns.append(HeaderColumn(column: c, field: field, part: nil, cell: cell))
                    return
                }
                guard let resolved = field.resolve(part) else {
                    unknownCell(cell, childText ?? parentText ?? "", (ch ?? p)?.text ?? "")
                    return
                }
                out.columns.append(HeaderColumn(column: c, field: field, part: resolved, cell: cell, unit: unit, unitCell: unitCell))
            }
            /// `normalized` is the label of `label`.
            func unknownCell(_ cell: CellRef, _ label: String, _ normalized: String) {
                if !reportedUnknown.contains(cell), !ignored.contains(LabelKey(normalized)) {
                    reportedUnknown.append(cell)
                    out.unknown.append((cell, label))
                }
            }

            if let childCell, let ch, let childRef {
                if let part = grid.part(childCell.row, childCell.cell) {
                    var parentMatch = parent.flatMap { grid.match($0.row, $0.cell) }
                    var pCell = parentRef, pUnit = p?.unit
                    if parentMatch == nil, parentText == nil, let carried, carried.field.kind == .flow {
                        parentMatch = (carried.field, nil); pCell = carried.cell; pUnit = carried.unit
                    }
                    if let m = parentMatch, m.part == nil {
                        carried = (m.field, pCell, pUnit)
                        let unit = ch.unit ?? pUnit
                        add(m.field, part, cell: childRef, unit: unit, unitCell: ch.unit != nil ? childRef : pCell)
                        if let cu = ch.unit, let pu = pUnit, cu != pu { out.unitConflicts.append(childRef) }
                    } else if let pt = parentText {
                        unknownCell(pCell, pt, p!.text)
                    }
                    continue
                }
                if let m = grid.match(childCell.row, childCell.cell) {
                    add(m.field, m.part, cell: childRef, unit: ch.unit, unitCell: ch.unit != nil ? childRef : nil)
                    carried = nil
                    continue
                }
                unknownCell(childRef, childCell.text, ch.text)
                continue
            }
            carried = nil
            guard let parent, let p, let parentText else { continue }
            if parentRef.column != c { continue }   // the rest of a merged parent with nothing under it
            if let m = grid.match(parent.row, parent.cell) {
                carried = m.field.kind == .flow ? (m.field, parentRef, p.unit) : nil
                add(m.field, m.part, cell: parentRef, unit: p.unit, unitCell: p.unit != nil ? parentRef : nil)
            } else {
                unknownCell(parentRef, parentText, p.text)
            }
        }
        var ids: [String] = []
        for col in out.columns where !ids.contains(col.field.id) { ids.append(col.field.id) }
        out.score = ids.count
        return out
    }
}
