// The 在库 cell of the stock table: the count on hand as an InputNumber, saved with Enter or 保存
// (`PUT /admin/stores/:storeId/stock/:productId {quantity, version}`); a count below what open
// orders hold (409 STOCK_BELOW_RESERVED) or any other refusal is shown under the cell.
import { useEffect, useState } from 'react';
import { Button, InputNumber, Space, Typography } from 'antd';
import type { AdminStockRow, SetStockBody } from '@omni/shared-types';
import { StockQuantityField } from '@omni/shared-types';
import { api, ApiError } from '../../api/client';
import { showConflict } from '../../components/conflict';

/** The PUT body of a new count: the row's version when it was ever stocked. */
export const stockBody = (row: AdminStockRow, quantity: number): SetStockBody =>
  row.version === null ? { quantity } : { quantity, version: row.version };

export function QuantityCell(props: {
  row: AdminStockRow;
  onSaved(row: AdminStockRow): void;
  /** Reloads the table (after a version conflict). */
  onReload(): void;
}) {
  const { row } = props;
  const [value, setValue] = useState<number | null>(row.onHand);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setValue(row.onHand);
    setError(null);
  }, [row.onHand, row.version]);

  const dirty = value !== row.onHand;

  const save = async () => {
    if (saving) return;
    const check = StockQuantityField.safeParse(value);
    if (!check.success) {
      setError(check.error.issues[0]?.message ?? '库存须为非负整数');
      return;
    }
    if (!dirty) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await api.put<AdminStockRow>(
        `/admin/stores/${row.storeId}/stock/${row.productId}`,
        stockBody(row, check.data),
      );
      props.onSaved(saved);
    } catch (err) {
      if (showConflict(err, props.onReload)) setError('已被他人修改，请重新加载后再改');
      else if (err instanceof ApiError && err.fields.length)
        setError(err.fields.map((f) => f.message).join('；'));
      else setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <Space.Compact>
        <InputNumber<number>
          aria-label={`${row.name} 在库数量`}
          min={0}
          max={1_000_000}
          precision={0}
          value={value}
          status={error ? 'error' : undefined}
          onChange={(v) => {
            setValue(v);
            if (error) setError(null);
          }}
          onPressEnter={() => void save()}
          style={{ width: 110 }}
        />
        <Button
          type={dirty ? 'primary' : 'default'}
          disabled={!dirty}
          loading={saving}
          onClick={() => void save()}
        >
          保存
        </Button>
      </Space.Compact>
      {error && (
        <Typography.Text type="danger" role="alert" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
