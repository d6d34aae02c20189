import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  /** What the part is, for the log (`Timeline`, `Case summary`). */
  label: string
  /** Shown beside "Try again", e.g. a way back to the case list when the header is gone. */
  actions?: ReactNode
  children: ReactNode
}

interface ErrorBoundaryState {
  failed: boolean
}

/**
 * Keeps one part of the case from taking the whole window down: when rendering it throws (a
 * value a teammate wrote that no reader foresaw, say), React would unmount everything; here
 * that part alone is replaced by a notice with a retry, and the rest of the app keeps working.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false }

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.label} could not be shown:`, error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div className="notice notice--error part-error" role="alert" aria-label={this.props.label}>
        <p>
          <strong>{this.props.label}</strong>
          <br />
          This part of the case could not be shown.
        </p>
        <button className="button button--quiet" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
        {this.props.actions}
      </div>
    )
  }
}
