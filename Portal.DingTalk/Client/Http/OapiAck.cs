namespace Portal.DingTalk.Client.Http;

/// <summary>An oapi success that carries no data worth reading (<c>{"errcode":0,"errmsg":"ok"}</c>).</summary>
internal sealed record OapiAck;
