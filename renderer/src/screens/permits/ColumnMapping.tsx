import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingProfile } from '../../../../shared/permits/mapping-profile.js';
import { REGISTER_FIELDS, REQUIRED_REGISTER_FIELDS, type DateOrder, type RegisterField, type RegisterMapping } from '../../../../shared/permits/parse-row.js';
import type { ColumnPreview } from '../../../../shared/permits/summaries.js';
import { useApi } from '../../api/ApiContext.js';
import { ScrollRegion } from '../../components/ScrollRegion.js';

/** Required fields the mapping leaves without a column. */
export function unmappedRequired(mapping: RegisterMapping | null): RegisterField[] {
  return REQUIRED_REGISTER_FIELDS.filter((field) => !mapping?.columns[field]);
}

/**
 * The mapping step of a register import: the file's first rows, one select
 * per register field (required ones marked; the import refuses a mapping
 * without them), how dates are written, and saving the mapping as a named
 * profile for the authority's next export.
 */
export function ColumnMapping({
  preview,
  mapping,
  onChange,
  onSaved,
  disabled,
  defaultName,
}: {
  preview: ColumnPreview | null;
  mapping: RegisterMapping;
  onChange(mapping: RegisterMapping): void;
  onSaved(profile: MappingProfile): void;
  disabled: boolean;
  defaultName: string;
}) {
  const { t } = useTranslation('permits');
  const api = useApi();
  const id = useId();
  const [name, setName] = useState(defaultName);
  const [saved, setSaved] = useState('');
  // A profile picked above names the mapping; saving under it again updates that profile.
  useEffect(() => setName(defaultName), [defaultName]);
  const missing = unmappedRequired(mapping);
  const columns = preview?.columns ?? [];

  function setColumn(field: RegisterField, column: string) {
    const next = { ...mapping.columns };
    if (column) next[field] = column;
    else delete next[field];
    setSaved('');
    onChange({ ...mapping, columns: next });
  }

  async function save() {
    try {
      const profile = await api.call('permits.saveMapping', {
        profile: { name: name.trim(), format: 'register', columns: mapping.columns, ...(mapping.dateOrder && mapping.dateOrder !== 'iso' ? { dateOrder: mapping.dateOrder } : {}) },
      });
      setSaved(t('mapping.saved', { name: profile.name }));
      onSaved(profile);
    } catch (error) {
      setSaved((error as Error).message);
    }
  }

  return (
    <div className="permits-mapping" data-testid="permits-mapping">
      {preview ? (
        <ScrollRegion label={t('mapping.rows', { file: preview.file })} className="permits-mapping-rows">
          <table>
            <caption>{t('mapping.rows', { file: preview.file })}</caption>
            <thead>
              <tr>
                {preview.columns.map((column, i) => (
                  <th scope="col" key={i}>
                    {column || t('mapping.column', { n: i + 1 })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="muted">{t('mapping.readFirst')}</p>
      )}
      <fieldset disabled={disabled}>
        <legend>{t('mapping.legend')}</legend>
        <div className="mapping-grid">
          {REGISTER_FIELDS.map((field) => {
            const required = REQUIRED_REGISTER_FIELDS.includes(field);
            const value = mapping.columns[field] ?? '';
            const absent = value !== '' && !columns.includes(value);
            return (
              <div className="filter-field" key={field}>
                <label htmlFor={`${id}-${field}`}>
                  {t(`mapping.fields.${field}`)}
                  {required ? ` ${t('mapping.required')}` : ''}
                </label>
                <select
                  id={`${id}-${field}`}
                  value={value}
                  onChange={(e) => setColumn(field, e.target.value)}
                  aria-required={required || undefined}
                  aria-invalid={required && !value ? true : undefined}
                  aria-describedby={required && !value ? `${id}-missing` : undefined}
                >
                  <option value="">{t('mapping.notInFile')}</option>
                  {absent ? <option value={value}>{preview ? t('mapping.absent', { column: value }) : value}</option> : null}
                  {columns.map((column, i) => (
                    <option key={i} value={column}>
                      {column || t('mapping.column', { n: i + 1 })}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <div className="filter-field">
            <label htmlFor={`${id}-dates`}>{t('mapping.dateOrder')}</label>
            <select id={`${id}-dates`} value={mapping.dateOrder ?? 'iso'} onChange={(e) => onChange({ ...mapping, dateOrder: e.target.value as DateOrder })}>
              {(['iso', 'dmy', 'mdy'] as const).map((order) => (
                <option key={order} value={order}>
                  {t(`mapping.dateOrders.${order}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <p id={`${id}-missing`} role="status" className={missing.length ? 'error-text' : undefined} data-testid="permits-mapping-status">
        {missing.length ? t('mapping.missing', { fields: missing.map((f) => t(`mapping.fields.${f}`)).join(', ') }) : t('mapping.complete')}
      </p>
      <div className="permits-import-fields">
        <div className="filter-field">
          <label htmlFor={`${id}-name`}>{t('mapping.name')}</label>
          <input id={`${id}-name`} type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} disabled={disabled} />
        </div>
        <button type="button" onClick={() => void save()} disabled={disabled || !name.trim() || missing.length > 0}>
          {t('mapping.save')}
        </button>
      </div>
      {saved ? (
        <p role="status" data-testid="permits-mapping-saved">
          {saved}
        </p>
      ) : null}
    </div>
  );
}
