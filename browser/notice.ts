/** A bar at the top of the page for what the shell itself must say (the connection is gone). */
export function showNotice(text: string, tone: 'error' | 'info' = 'error'): void {
  const show = () => {
    let bar = document.getElementById('jixiao-shell-notice');
    if (!bar) {
      bar = document.createElement('div');
      bar.id = 'jixiao-shell-notice';
      Object.assign(bar.style, {
        position: 'fixed',
        top: '0',
        left: '0',
        right: '0',
        zIndex: '2147483646',
        padding: '8px 14px',
        font: '14px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
      });
      document.body.append(bar);
    }
    bar.setAttribute('role', tone === 'error' ? 'alert' : 'status');
    Object.assign(bar.style, {
      background: tone === 'error' ? '#fce8e6' : '#e6f4ea',
      color: tone === 'error' ? '#a50e0e' : '#137333',
      borderBottom: `1px solid ${tone === 'error' ? '#f4c7c3' : '#ceead6'}`,
    });
    bar.textContent = text;
  };
  if (document.body) show();
  else window.addEventListener('DOMContentLoaded', show);
}
