/** The spend view against the fake window.api: what it asks for, the labelled billed/estimate numbers, the range checks, the export. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { SpendView } from '../../../../renderer/features/spend/SpendView';
import { DEFAULT_SPEND_QUERY, useSpendStore } from '../../../../renderer/stores/useSpendStore';
import { installFakeApi } from '../../fake-api';
import { usageAnswer } from './spend-fixture';

const now = () => Date.UTC(2026, 10, 21, 9);

beforeEach(() => useSpendStore.setState({ query: DEFAULT_SPEND_QUERY, status: 'idle', data: null, error: null }));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('SpendView', () => {
  it('asks for 30 days of cost by workspace and shows billed, estimate and difference, labelled, with a totals row', async () => {
    const fake = installFakeApi({ 'clade:usage/series': usageAnswer });
    render(<SpendView now={now} />);
    const table = await screen.findByRole('table');
    expect(fake.calls[0]).toEqual({ channel: 'clade:usage/series', request: DEFAULT_SPEND_QUERY });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Workspace',
      'Input tokens',
      'Output tokens',
      'Cache read',
      'Cache write',
      'Total tokens',
      'Billed',
      'Estimate',
      'Difference (billed − estimate)',
      'Tokens without a known price',
    ]);
    const production = within(table).getByRole('rowheader', { name: 'Production' }).closest('tr')!;
    expect(
      within(production)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1,000,000', '400,000', '80,000', '20,000', '1,500,000', '$12.61', '$12.51', '$0.10', '0']);
    const totals = document.querySelector('dl[aria-label="Totals over the range"]')?.textContent ?? '';
    expect(totals).toContain('Difference (billed − estimate)$0.10');
    expect(totals).toContain('of which web search (billed, never estimated)$0.10');
    expect(totals).toContain('Unexplained, beside the unpriced usage$0.00');
    expect(within(table).getByRole('rowheader', { name: 'All 2 groups' })).toBeInTheDocument();
    expect(screen.getByText(/Billed = Anthropic's daily cost report/)).toBeInTheDocument();
    expect(
      screen.getByText(
        '700 tokens without a known price are not in the estimate: no published price for claude-fable-5-2.',
      ),
    ).toBeInTheDocument();
  });

  it('says "estimate only" per key, and re-asks for what the controls choose', async () => {
    const fake = installFakeApi({ 'clade:usage/series': usageAnswer });
    render(<SpendView now={now} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'key' } });
    expect(
      await screen.findByText(/Estimate only: billed cost is reported per workspace and model, never per API key/),
    ).toBeInTheDocument();
    const table = screen.getByRole('table');
    expect(within(table).queryByRole('columnheader', { name: 'Billed' })).toBeNull();
    expect(within(table).getByRole('columnheader', { name: 'Estimate (no billed cost here)' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Buckets'), { target: { value: 'hour' } });
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'output' } });
    fireEvent.change(screen.getByLabelText('Range'), { target: { value: '24h' } });
    await screen.findByText(/API key output tokens by hour/);
    expect(fake.calls.map((c) => c.request).at(-1)).toEqual({
      range: { kind: 'preset', preset: '24h' },
      bucket: 'hour',
      groupBy: 'key',
      metric: 'output',
    });
  });

  it('checks a custom range before asking, with the problem announced next to the inputs', async () => {
    const fake = installFakeApi({ 'clade:usage/series': usageAnswer });
    render(<SpendView now={now} />);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Range'), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show range' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The start day is after the end day.');
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    expect(fake.calls).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show range' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.calls.at(-1)?.request).toEqual({
      ...DEFAULT_SPEND_QUERY,
      range: { kind: 'custom', from: '2026-11-10', to: '2026-11-12' },
    });
  });

  it('asks again when a sync ends while the view is open, and stops listening when it closes', async () => {
    const fake = installFakeApi({ 'clade:usage/series': usageAnswer });
    const view = render(<SpendView now={now} />);
    await screen.findByRole('table');
    expect(fake.listenerCount('clade:sync/progress-changed')).toBe(1);
    fake.push('clade:sync/progress-changed', { phase: 'running', resource: 'usage_hourly', page: 1, rows: 10 });
    expect(fake.calls).toHaveLength(1);
    fake.push('clade:sync/progress-changed', { phase: 'done', resource: null, page: 0, rows: 10 });
    expect(fake.calls).toHaveLength(2);
    view.unmount();
    expect(fake.listenerCount('clade:sync/progress-changed')).toBe(0);
  });

  it('shows why nothing is charted when main says so, and disables the export', async () => {
    installFakeApi({
      'clade:usage/series': (q) => ({
        ...usageAnswer(q),
        groups: [],
        bucketStartsMs: [],
        unavailable: 'Hourly charts cover at most 31 days. Choose days, or a shorter range.',
      }),
    });
    render(<SpendView now={now} />);
    expect(
      await screen.findByText('Hourly charts cover at most 31 days. Choose days, or a shorter range.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('exports the shown data as a CSV download built in the window', async () => {
    installFakeApi({ 'clade:usage/series': usageAnswer });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:spend';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<SpendView now={now} />);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalledOnce();
    expect((click.mock.instances[0] as unknown as HTMLAnchorElement).download).toBe(
      'clade-admin-spend-workspace-30d.csv',
    );
    expect(await blobs[0]!.text()).toMatch(
      /^day,workspace,workspace id,all tokens,estimate \(USD\),billed \(USD\)\r\n2026-11-19,Production/,
    );
  });
});
