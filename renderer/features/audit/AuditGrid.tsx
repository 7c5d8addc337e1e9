/**
 * The trail as an ARIA grid (read-only, row navigation). Focus stays on the grid element and
 * aria-activedescendant names the active row's first cell, so rows can be virtualised: only the rows on screen
 * exist in the DOM, however long the trail. Arrows, Page Up/Down, Home and End move; Enter opens the detail.
 * Scrolling (or moving) near the end of what is loaded asks for the next page.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AuditEventView } from '../../../preload/contract';
import { actorLabel, formatLocalTime, formatUtc, SOURCE_LABEL } from './audit-format';
import { gridKeyAction } from './grid-keys';

const ROW_HEIGHT = 36;
const PAGE_ROWS = 10;
/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;

const COLUMNS = ['When', 'Source', 'Type', 'Actor', 'Summary'] as const;

export const auditCellId = (eventId: number): string => `audit-row-${eventId}-when`;

interface Props {
  events: AuditEventView[];
  /** More pages exist (the total is unknown until the last one is loaded). */
  hasMore: boolean;
  activeIndex: number;
  selectedId: number | null;
  label: string;
  onActiveChange: (index: number) => void;
  onOpen: (index: number) => void;
  onNeedMore: () => void;
  gridRef: React.RefObject<HTMLDivElement | null>;
}

export function AuditGrid({
  events,
  hasMore,
  activeIndex,
  selectedId,
  label,
  onActiveChange,
  onOpen,
  onNeedMore,
  gridRef,
}: Props) {
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // The sticky header row sits above the rows inside the scrolling element.
    scrollMargin: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
    initialRect: { width: 800, height: 500 },
  });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items[items.length - 1]?.index ?? -1;
  const needMore = useRef(onNeedMore);
  needMore.current = onNeedMore;
  useEffect(() => {
    if (hasMore && lastRendered >= events.length - PREFETCH_ROWS) needMore.current();
  }, [hasMore, lastRendered, events.length]);

  const active = events[activeIndex];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const action = gridKeyAction(event.key, activeIndex, events.length, PAGE_ROWS);
    if (action.type === 'none') return;
    event.preventDefault();
    if (action.type === 'move') {
      onActiveChange(action.index);
      virtualizer.scrollToIndex(action.index, { align: 'auto' });
      // Moving near the end asks for the next page even before the scroll settles (End on a long trail).
      if (hasMore && action.index >= events.length - PREFETCH_ROWS) needMore.current();
    } else onOpen(action.index);
  };

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      aria-readonly="true"
      aria-rowcount={hasMore ? -1 : events.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={active ? auditCellId(active.id) : undefined}
      tabIndex={0}
      className="audit-grid"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="audit-head">
        <div role="row" aria-rowindex={1} className="audit-row audit-row-head">
          {COLUMNS.map((column, index) => (
            <div
              key={column}
              role="columnheader"
              aria-colindex={index + 1}
              className={`audit-cell audit-col-${column.toLowerCase()}`}
            >
              {column}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="audit-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const event = events[item.index]!;
          return (
            <div
              key={event.id}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={event.id === selectedId}
              data-active={item.index === activeIndex ? '' : undefined}
              className="audit-row"
              style={{ height: item.size, transform: `translateY(${item.start - ROW_HEIGHT}px)` }}
              onClick={() => {
                onActiveChange(item.index);
                onOpen(item.index);
              }}
            >
              <div role="gridcell" id={auditCellId(event.id)} aria-colindex={1} className="audit-cell audit-col-when">
                <time dateTime={new Date(event.atMs).toISOString()} title={formatUtc(event.atMs)}>
                  {formatLocalTime(event.atMs)}
                </time>
              </div>
              <div role="gridcell" aria-colindex={2} className="audit-cell audit-col-source">
                <span className={`audit-source audit-source-${event.source}`}>{SOURCE_LABEL[event.source]}</span>
              </div>
              <div role="gridcell" aria-colindex={3} className="audit-cell audit-col-type">
                <code>{event.type}</code>
              </div>
              <div role="gridcell" aria-colindex={4} className="audit-cell audit-col-actor">
                {actorLabel(event.actor)}
              </div>
              <div role="gridcell" aria-colindex={5} className="audit-cell audit-col-summary">
                {event.summary}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
