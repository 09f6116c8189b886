/**
 * Last line of defence: a rendering error shows a message instead of a blank page.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../i18n/translate';

interface Props {
  lang: Lang;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('CDMZ Atlas: a part of the page failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="fatal">
        {this.props.lang === 'zh' ? '页面出错：' : 'Something went wrong: '}
        {this.state.error.message}
      </div>
    );
  }
}
