/** A bar at the top of the page for what the shell itself must say (the connection is gone). */
export function showNotice(text: string): void {
  const show = () => {
    let bar = document.getElementById('jixiao-shell-notice');
    if (!bar) {
      bar = document.createElement('div');
      bar.id = 'jixiao-shell-notice';
      bar.setAttribute('role', 'alert');
      Object.assign(bar.style, {
        position: 'fixed',
        top: '0',
        left: '0',
        right: '0',
        zIndex: '2147483646',
        padding: '8px 14px',
        background: '#fce8e6',
        color: '#a50e0e',
        borderBottom: '1px solid #f4c7c3',
        font: '14px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
      });
      document.body.append(bar);
    }
    bar.textContent = text;
  };
  if (document.body) show();
  else window.addEventListener('DOMContentLoaded', show);
}
