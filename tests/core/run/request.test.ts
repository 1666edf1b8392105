import { describe, expect, it } from 'vitest';
import {
  checklistRequest,
  defaultRunName,
  requestFromParams,
  requestToParams,
  resolveProcessIds,
  resolveRequest,
  sameRequest,
} from '../../../src/core/run/request.ts';
import { PROCESSES } from '../../fixtures/checklist/road-book.ts';
import { run } from './fixture.ts';

describe('the path in an address', () => {
  it('reads comma-separated and repeated lists, and writes comma-separated ones', () => {
    const asked = requestFromParams(
      new URLSearchParams(
        'from=15.1.0&to=15.3.0&modules=facturation,comptabilite&modules=stocks&editions=&processes=cloture',
      ),
    );
    expect(asked).toEqual({
      from: '15.1.0',
      to: '15.3.0',
      modules: ['facturation', 'comptabilite', 'stocks'],
      editions: [],
      processes: ['cloture'],
    });
    expect(
      requestToParams({
        ...asked!,
        processes: ['cloture', { id: 'maison', label: 'M', modules: [], steps: ['x'] }],
      }).toString(),
    ).toBe('from=15.1.0&to=15.3.0&modules=facturation%2Ccomptabilite%2Cstocks&processes=cloture%2Cmaison');
    expect(requestFromParams(new URLSearchParams('from=15.1.0'))).toBeNull();
    expect(requestFromParams(new URLSearchParams('to=16.0.0&from='))?.from).toBeNull();
    expect(requestToParams({ from: null, to: '15.30.02/DU1', modules: [], editions: [] }).toString()).toBe(
      'to=15.30.02%2FDU1',
    );
  });

  it('tells two requests for the same path apart from others', () => {
    const a = run().request;
    expect(sameRequest(a, { ...a, modules: [...a.modules].reverse() })).toBe(true);
    expect(sameRequest(a, { ...a, modules: ['facturation'] })).toBe(false);
    expect(sameRequest(a, { ...a, from: null })).toBe(false);
    expect(sameRequest(a, { ...a, processes: [{ id: 'cloture', label: 'x', modules: [], steps: ['y'] }] })).toBe(true);
    expect(sameRequest(a, { ...a, processes: [] })).toBe(false);
  });

  it('resolves process ids: catalogue ids stay ids, company processes become a snapshot, others are listed', () => {
    const own = { id: 'maison', label: 'Maison', modules: ['facturation'], steps: ['Faire'] };
    const resolved = resolveProcessIds(['cloture', 'maison', 'inconnu'], PROCESSES, [own]);
    expect(resolved).toEqual({ processes: ['cloture', own], unknown: ['inconnu'] });
    expect(resolved.processes[1]).not.toBe(own);
    expect(checklistRequest({ ...run().request, processes: resolved.processes }).processes).toEqual(['cloture', own]);
  });

  it('turns a path read from an address into the request of a run', () => {
    const own = { id: 'maison', label: 'Maison', modules: ['facturation'], steps: ['Faire'] };
    const asked = requestFromParams(
      new URLSearchParams('from=15.1.0&to=15.3.0&modules=ventes&processes=maison,inconnu'),
    );
    expect(resolveRequest(asked!, PROCESSES, [own])).toEqual({
      request: { from: '15.1.0', to: '15.3.0', modules: ['ventes'], editions: [], processes: [own] },
      unknown: ['inconnu'],
    });
  });

  it('names a run after its path and modules', () => {
    const modules = [{ id: 'facturation', label: 'Facturation' }];
    expect(defaultRunName({ from: '15.1.0', to: '15.3.0', modules: ['facturation', 'x'] }, modules)).toBe(
      '15.1.0 → 15.3.0 · Facturation, x',
    );
    expect(defaultRunName({ from: null, to: '16.0.0', modules: [] }, modules)).toBe('16.0.0');
  });
});
