/**
 * Builds the connector for a stored connection and its secret. The connection is validated
 * first, so a damaged entry in app.json gives a sentence to act on instead of a crash.
 */
import { SECRET_NAMES, type Connector, type ConnectorOptions } from './connector'
import { InvalidConnectionError, parseConnection, type Connection } from './connection'
import { createFreshdeskConnector } from './freshdesk'
import { createHelpScoutConnector } from './helpscout'
import { createIntercomConnector } from './intercom'
import { createJiraConnector } from './jira'
import { createWebhookConnector } from './webhook'
import { createZammadConnector } from './zammad'
import { createZendeskConnector } from './zendesk'

export function createConnector(
  stored: unknown,
  secret: string,
  options: ConnectorOptions = {},
): Connector {
  const connection = parseConnection(stored)
  if (secret.trim() === '') {
    throw new InvalidConnectionError(
      `No ${SECRET_NAMES[connection.kind]} is saved for the help desk connection ` +
        `“${connection.label}”. Enter it in Settings → Help desks.`,
    )
  }
  return connectorFor(connection, secret.trim(), options)
}

function connectorFor(
  connection: Connection,
  secret: string,
  options: ConnectorOptions,
): Connector {
  switch (connection.kind) {
    case 'zendesk':
      return createZendeskConnector(connection.config, secret, options)
    case 'freshdesk':
      return createFreshdeskConnector(connection.config, secret, options)
    case 'helpscout':
      return createHelpScoutConnector(connection.config, secret, options)
    case 'intercom':
      return createIntercomConnector(connection.config, secret, options)
    case 'jira':
      return createJiraConnector(connection.config, secret, options)
    case 'zammad':
      return createZammadConnector(connection.config, secret, options)
    case 'webhook':
      return createWebhookConnector(connection.config, secret, options)
  }
}
