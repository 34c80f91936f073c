import { useEffect, useState } from 'react';
import { AutoComplete } from 'antd';

interface Props {
  label: string;
  testId: string;
  value: string | undefined;
  suggestions: string[];
  onCommit: (value: string) => void;
  width?: number;
}

/**
 * A free-text filter with suggestions. The server matches it exactly, so it is applied only when the user
 * picks a suggestion, presses Enter or leaves the box — not on every keystroke.
 */
export function TextFilter({ label, testId, value, suggestions, onCommit, width = 130 }: Props) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = (v: string) => {
    if (v.trim() !== (value ?? '')) onCommit(v.trim());
  };
  return (
    <AutoComplete
      allowClear
      aria-label={label}
      data-testid={testId}
      placeholder={label}
      value={text}
      options={suggestions.map((s) => ({ value: s }))}
      showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
      onChange={(v?: string) => {
        setText(v ?? '');
        if (!v) commit('');
      }}
      onSelect={(v?: string) => commit(v ?? '')}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text);
      }}
      style={{ width }}
    />
  );
}
