/**
 * "Export review" in the Audit view: the period typed (or none: main's last whole quarter) goes to main with the
 * format; the window says where main wrote the file, and shows main's refusal (e.g. PDF outside the desktop app)
 * as an alert; one date without the other is caught before asking.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AuditView } from '../../../../renderer/features/audit/AuditView';
import { useAuditStore } from '../../../../renderer/stores/useAuditStore';
import { useReviewStore } from '../../../../renderer/stores/useReviewStore';
import { installFakeApi, type FakeApi } from '../../fake-api';
import { giveElementsASize } from '../../layout';

let fake: FakeApi;
const exports = () => fake.calls.filter((c) => c.channel === 'clade:review/export').map((c) => c.request);

beforeEach(() => {
  giveElementsASize();
  useAuditStore.setState(useAuditStore.getInitialState(), true);
  useReviewStore.setState(useReviewStore.getInitialState(), true);
  fake = installFakeApi({
    'clade:audit/search': () => ({ events: [], nextCursor: null }),
    'clade:review/export': (request) =>
      request.format === 'pdf'
        ? { ok: false, error: { code: 'unavailable', message: 'PDF is only made in the desktop app.' } }
        : {
            file: `/data/profiles/demo/exports/access-review-${request.from ?? '2026-07-01'}-to-${request.to ?? '2026-09-30'}.${request.format}`,
            bytes: 1234,
            from: request.from ?? '2026-07-01',
            to: request.to ?? '2026-09-30',
            format: request.format,
          },
  });
});
afterEach(cleanup);

describe('Export review', () => {
  it('asks main for the last quarter by default, then for the typed period, and says where the file is', async () => {
    render(<AuditView />);
    const html = await screen.findByRole('button', { name: 'Export review HTML' });
    await act(async () => {
      fireEvent.click(html);
    });
    expect(await screen.findByText(/Wrote the access review for 2026-07-01 to 2026-09-30 to .*\.html/)).toBeVisible();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export review CSV' }));
    });
    expect(exports()).toEqual([{ format: 'html' }, { from: '2026-10-01', to: '2026-11-30', format: 'csv' }]);
    expect(await screen.findByText(/access-review-2026-10-01-to-2026-11-30\.csv/)).toBeVisible();
  });

  it('shows main’s refusal as an alert, and catches one date without the other', async () => {
    render(<AuditView />);
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: 'Export review PDF' }));
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('PDF is only made in the desktop app.');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Export review HTML' }));
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Give both dates');
    expect(exports()).toHaveLength(1);
  });
});
