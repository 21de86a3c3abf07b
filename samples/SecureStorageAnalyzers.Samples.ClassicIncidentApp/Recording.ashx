<%@ WebHandler Language="C#" CodeBehind="Recording.ashx.cs" Class="Hotline.Recording" %>
