/** 恢复默认设置: asks first, then resets every setting. */
import { useState } from 'react';
import { Section } from './Section';

export function ResetSection({ onReset }: { onReset(): void }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <Section title="恢复默认设置" description="标记样式、卡片、类别、外观和不启用的网站列表都会回到安装时的样子。">
      {confirming ? (
        <div className="opt-confirm" role="group" aria-label="确认恢复默认设置">
          <span>确定要恢复默认设置吗？</span>
          <button
            type="button"
            className="opt-button opt-danger"
            autoFocus
            onClick={() => {
              setConfirming(false);
              onReset();
            }}
          >
            确定恢复
          </button>
          <button type="button" className="opt-button" onClick={() => setConfirming(false)}>
            取消
          </button>
        </div>
      ) : (
        <button type="button" className="opt-button" onClick={() => setConfirming(true)}>
          恢复默认设置…
        </button>
      )}
    </Section>
  );
}
