/** Version of the plugin API a plugin is written against (the Plugins issue fills the SDK). */
export const pluginApiVersion = 0;
